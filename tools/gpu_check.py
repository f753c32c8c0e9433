"""`make gpu-check`: every `#| cuda` test cell, then the GPU benchmark of ARD, RSLAD, AdaAD and TRADES (advdistill.gpu_check).

Exit status: 0 every part passed, 1 a part failed or timed out, 3 no CUDA GPU on this machine."""
import sys
from pathlib import Path
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's advdistill, which imports only the standard library until a GPU is seen
from advdistill.gpu_check import main

if __name__ == '__main__': sys.exit(main(root=ROOT))
