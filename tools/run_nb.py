"Execute notebooks in place and store their outputs (for the pages whose results the docs site shows), skipping the cells `nbdev_test` skips: those flagged with a `tst_flags` flag of settings.ini, and `#| eval: false`."
import os, re, sys, time, argparse
from pathlib import Path
os.environ.setdefault("OMP_NUM_THREADS", "1")
from nbdev.config import get_config
from execnb.nbio import read_nb, write_nb
from execnb.shell import CaptureShell
from fastcore.xtras import working_directory

_dir = re.compile(r'^\s*#\s*\|\s*([\w:-]+)\s*(.*)$')

def _directives(src:str)->dict:
    return {m.group(1): m.group(2).split() for l in src.splitlines() if (m := _dir.match(l))}

def run_nb(path:Path, skip:set)->None:
    "Run `path` top to bottom in its folder, skipping flagged cells; write it back with the new outputs."
    nb = read_nb(path)
    def no_eval(cell):
        if cell.cell_type != 'code': return True
        d = _directives(cell.source)
        return (d.get('eval:', [''])[0].lower() == 'false') or bool(skip & d.keys())
    for c in nb.cells:  # a cell that no longer prints must not keep its old output
        if c.cell_type == 'code': c.outputs, c.execution_count = [], None
    shell = CaptureShell(path)
    with working_directory(path.parent):
        shell.run_all(nb, exc_stop=True, preproc=no_eval)
    write_nb(nb, path)

def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument('paths', nargs='+', help='notebooks')
    a = p.parse_args()
    skip = set(get_config().tst_flags.split())
    for f in a.paths:
        t = time.time()
        run_nb(Path(f).absolute(), skip)
        print(f"{f}: {time.time() - t:.0f} s, {Path(f).stat().st_size / 1024:.0f} KB", flush=True)

if __name__ == '__main__': main()
