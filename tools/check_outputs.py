"Check the stored outputs of every notebook: no output over 100 KB, no notebook over 500 KB, and no warning, error or traceback stored in a page (`make outputs` re-runs the pages)."
import json, sys, argparse
from pathlib import Path

MAX_OUTPUT, MAX_NB = 100_000, 500_000

def problems(path:Path)->list:
    "What is wrong with the stored outputs of notebook `path` (empty when nothing is)."
    out, nb = [], json.loads(path.read_text())
    if path.stat().st_size > MAX_NB: out.append(f"{path}: {path.stat().st_size:,} bytes, over {MAX_NB:,}")
    for i, c in enumerate(nb['cells']):
        for o in c.get('outputs', []):
            n = len(json.dumps(o))
            if n > MAX_OUTPUT: out.append(f"{path} cell {i}: an output of {n:,} bytes, over {MAX_OUTPUT:,}")
            if o.get('output_type') == 'error': out.append(f"{path} cell {i}: a stored error ({o.get('ename')})")
            if o.get('name') == 'stderr': out.append(f"{path} cell {i}: stored stderr: {''.join(o['text'])[:120]!r}")
    return out

def self_test():
    import tempfile
    cell = lambda *outs: dict(cell_type='code', source='', metadata={}, outputs=list(outs))
    with tempfile.TemporaryDirectory() as d:
        p = Path(d)/'t.ipynb'
        p.write_text(json.dumps(dict(cells=[cell(dict(output_type='stream', name='stdout', text=['ok']))])))
        assert problems(p) == [], problems(p)
        p.write_text(json.dumps(dict(cells=[cell(dict(output_type='stream', name='stderr', text=['UserWarning: x'])),
                                            cell(dict(output_type='display_data', data={'image/png': 'A' * MAX_OUTPUT}))])))
        got = problems(p)
        assert len(got) == 2 and 'stderr' in got[0] and 'over' in got[1], got

def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument('--nbs', default='nbs', help='folder of the notebooks')
    p.add_argument('--self-test', action='store_true', help='check the checker on two small notebooks first')
    a = p.parse_args()
    if a.self_test: self_test()
    bad = [m for f in sorted(Path(a.nbs).rglob('*.ipynb')) if '.ipynb_checkpoints' not in f.parts for m in problems(f)]
    print('\n'.join(bad) or f"stored outputs: every notebook under {a.nbs}/ within the limits")
    sys.exit(1 if bad else 0)

if __name__ == '__main__': main()
