"Run every notebook with nbdev's test runner and close with a `N passed, N failed` summary line."
import os, sys, argparse
from pathlib import Path
os.environ.setdefault("OMP_NUM_THREADS", "1")  # one thread per notebook process: notebooks already run in parallel
from nbdev.config import get_config
from nbdev.doclinks import nbglob
from nbdev.test import test_nb, _keep_file
from fastcore.parallel import parallel
from fastcore.xtras import working_directory

def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument('--path', nargs='+', default=None,
                   help='notebooks, folders or globs such as "nbs/2*.ipynb" (default: all of nbs/)')
    p.add_argument('--flags', default='', help='space-separated test flags to run, e.g. "slow"')
    p.add_argument('--n_workers', type=int, default=None)
    a = p.parse_args()
    cfg = get_config()
    found = []
    for path in a.path or [None]:
        found += sorted(Path().glob(path)) if path and any(c in path for c in '*?[') else nbglob(path, as_path=True)
    files = sorted({Path(f).absolute() for f in found if _keep_file(Path(f), '.notest')})
    n_workers = a.n_workers if a.n_workers is not None else min(os.cpu_count() or 1, 2)
    with working_directory(cfg.nbs_path):
        res = parallel(test_nb, files, skip_flags=cfg.tst_flags.split(), force_flags=a.flags.split(),
                       n_workers=n_workers, basepath=cfg.config_path, pause=0.01)
    passed, times = zip(*res) if res else ((), ())
    for f, ok, t in sorted(zip(files, passed, times), key=lambda o: -o[2]):
        print(f"{'ok  ' if ok else 'FAIL'} {t:7.1f}s  {f.name}")
    n_ok = sum(passed)
    print(f"notebooks: {n_ok} passed, {len(files)-n_ok} failed")
    sys.exit(0 if files and n_ok == len(files) else 1)

if __name__ == '__main__': main()
