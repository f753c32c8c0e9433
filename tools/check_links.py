"""Check every internal link of the documentation without Quarto: the markdown links of the notebooks (markdown cells
and Markdown outputs) and of README.md, to other pages (`x.ipynb`, `x.html`), to files, and to anchors (`#id`, a
heading's id as Quarto gives it, or an explicit `{#id}`). Prints each broken link as `file: target (why)` and exits
with status 1 if there is one; `--self-test` shows on a small made-up site that broken links are caught."""
import argparse, json, re, sys, tempfile, time
from pathlib import Path

_FENCE = re.compile(r'^(```|~~~).*?^\1[^\n]*$', re.M | re.S)
_CODE = re.compile(r'(`+)(.+?)\1', re.S)
_LINK = re.compile(r'!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*<?([^()\s>]+(?:\([^()\s]*\)[^()\s>]*)*)>?(?:\s+["\'][^)]*["\'])?\s*\)')
_REFDEF = re.compile(r'^\s{0,3}\[[^\]]+\]:[ \t]*<?([^\s>]+)>?(?:[ \t]+(?:"[^"]*"|\'[^\']*\'|\([^)]*\)))?[ \t]*$', re.M)
_HREF = re.compile(r'<(?:a|img)\s[^>]*?(?:href|src)\s*=\s*["\']([^"\']+)["\']', re.I)
_HEADING = re.compile(r'^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$', re.M)
_ATTR_ID = re.compile(r'\{[^}]*?#([\w:.-]+)[^}]*\}')
_HTML_ID = re.compile(r'<[a-z][^>]*?\s(?:id|name)\s*=\s*["\']([^"\']+)["\']', re.I)
_EXTERNAL = re.compile(r'^(?:[a-zA-Z][\w+.-]*:|//)')
_NB_NUM = re.compile(r'^\d+[a-zA-Z0-9]*_')  # nbdev drops a page's number prefix: 00_core.ipynb -> core.html

def pandoc_id(text:str)->str:
    "The identifier pandoc (and so Quarto) gives a heading: formatting dropped, lowercase, punctuation removed, words joined by hyphens."
    t = _CODE.sub(lambda m: m.group(2), text)
    t = re.sub(r'!?\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\([^)]*\)', r'\1', t)   # a link counts by its text
    t = re.sub(r'<[^>]+>', '', t).replace('*', '')                         # html tags, emphasis
    t = ''.join(c for c in t.lower() if c.isalnum() or c.isspace() or c in '_-.')
    t = '-'.join(t.split())
    t = t[next((i for i, c in enumerate(t) if c.isalpha()), len(t)):]     # identifiers start with a letter
    return t or 'section'

def _markdown(nb:dict)->list:
    "The markdown a notebook's page shows: its markdown cells and its code cells' Markdown outputs."
    out = []
    for c in nb.get('cells', []):
        if c['cell_type'] == 'markdown': out.append(''.join(c['source']))
        for o in c.get('outputs', []):
            md = o.get('data', {}).get('text/markdown')
            if md: out.append(''.join(md) if isinstance(md, list) else md)
    return out

def _exported_names(nb:dict)->list:
    "Ids of the headings nbdev writes for a notebook's exported functions and classes (`show_doc`)."
    names = []
    for c in nb.get('cells', []):
        s = ''.join(c['source'])
        if c['cell_type'] != 'code' or not re.match(r'\s*#\s*\|\s*export', s): continue
        for m in re.finditer(r'^(?:@patch\s*\n)?(?:async\s+)?(?:def|class)\s+(\w+)(?:\(self:\s*(\w+))?', s, re.M):
            name = f"{m.group(2)}.{m.group(1)}" if m.group(2) else m.group(1)
            if not name.startswith('_'): names.append(name.lower())
    return names

class Page:
    "A page of the site: its markdown (without code) and the ids its headings and explicit attributes give."
    def __init__(self, path:Path):
        self.path = path
        if path.suffix == '.ipynb':
            nb = json.loads(path.read_text(encoding='utf-8'))
            texts, extra = _markdown(nb), _exported_names(nb)
        else: texts, extra = [path.read_text(encoding='utf-8')], []
        self.texts = [_FENCE.sub('', t) for t in texts]
        self.ids, seen = set(extra), {}
        for k, t in enumerate(self.texts):
            for m in _HEADING.finditer(t):
                if k == 0 and path.suffix == '.ipynb' and m.group(1) == '#' and m.start() == t.find('#'): continue  # nbdev's page title
                head = m.group(2)
                a = _ATTR_ID.search(head)
                if a: self.ids.add(a.group(1)); continue
                base = pandoc_id(_ATTR_ID.sub('', head)); n = seen.get(base, 0); seen[base] = n + 1
                self.ids.add(base if n == 0 else f"{base}-{n}")
            self.ids.update(m.group(1) for m in _ATTR_ID.finditer(t))
            self.ids.update(m.group(1) for m in _HTML_ID.finditer(t))

    def links(self)->list:
        "Every link target of the page, in order."
        out = []
        for t in self.texts:
            t = _CODE.sub('', t)
            out += [m.group(1) for r in (_LINK, _REFDEF, _HREF) for m in r.finditer(t)]
        return out

def _page_file(target:Path)->Path|None:
    "The source file of a linked page or file: itself, or for `x.html` the notebook (or markdown) it is built from."
    if target.suffix != '.html': return target if target.exists() else None
    folder, stem = target.parent, target.stem.lower()
    if not folder.is_dir(): return None
    for f in sorted(folder.iterdir()):
        if f.suffix in ('.ipynb', '.qmd', '.md') and stem in (f.stem.lower(), _NB_NUM.sub('', f.stem.lower())): return f
    return None

def check(files:list, root:Path)->list:
    "Broken links of `files` as `(file, target, why)`."
    pages, bad = {}, []
    def page(p:Path)->Page:
        p = p.resolve()
        if p not in pages: pages[p] = Page(p)
        return pages[p]
    for f in files:
        src = page(f)
        for target in src.links():
            if _EXTERNAL.match(target): continue
            path, _, anchor = target.partition('#')
            path = path.split('?')[0]
            if path:
                dest = _page_file(f.parent/path)
                if dest is None: bad.append((f, target, 'no such page or file')); continue
            else: dest = f
            if anchor and dest.suffix in ('.ipynb', '.md', '.qmd') and anchor not in page(dest).ids:
                bad.append((f, target, f"no heading or id '{anchor}' in {dest.relative_to(root) if dest.is_relative_to(root) else dest}"))
    return bad

def sidebar_bad(root:Path)->list:
    "Pages listed in the sidebar (nbs/sidebar.yml) that do not exist, as `(file, target, why)`."
    side = root/'nbs'/'sidebar.yml'
    if not side.exists(): return []
    pages = re.findall(r'^\s*-\s+(?:href:\s*)?([\w./-]+\.(?:ipynb|qmd|md))\s*$', side.read_text(), re.M)
    return [(side, p, 'no such page') for p in pages if not (side.parent/p).exists()]

def doc_files(root:Path)->list:
    "The pages of the site (every notebook and markdown file under nbs/, hidden and processed folders left out) and README.md."
    nbs = root/'nbs'
    files = [p for p in sorted(nbs.rglob('*')) if p.suffix in ('.ipynb', '.md', '.qmd')
             and not any(part.startswith(('.', '_')) for part in p.relative_to(nbs).parts)]
    return files + [p for p in (root/'README.md',) if p.exists()]

def _nb(*cells:str)->str:
    return json.dumps({'cells': [{'cell_type': 'markdown', 'metadata': {}, 'source': [c]} for c in cells],
                       'metadata': {}, 'nbformat': 4, 'nbformat_minor': 5})

def self_test()->None:
    "A made-up site: every kind of good link passes, and each broken one is reported."
    assert pandoc_id('`train`: one run, from recipe to result card') == 'train-one-run-from-recipe-to-result-card'
    assert pandoc_id('Teachers on the command line') == 'teachers-on-the-command-line'
    assert pandoc_id('3. Loss — scale (ε, CW∞)') == 'loss-scale-ε-cw'
    assert pandoc_id('[IAD](x.ipynb) evaluation') == 'iad-evaluation'
    with tempfile.TemporaryDirectory() as d:
        root = Path(d); nbs = root/'nbs'; (nbs/'sub').mkdir(parents=True)
        (nbs/'sidebar.yml').write_text('website:\n  sidebar:\n    contents:\n      - 00_core.ipynb\n      - sub/gone.ipynb\n')
        (nbs/'00_core.ipynb').write_text(_nb('# Core\n> what\n\n## The [0,1] input contract\n\n### Setup {#set-up}\n\n## Twice\n\n## Twice'))
        (nbs/'sub'/'page.ipynb').write_text(_nb(
            'Good: [a](../00_core.ipynb), [b](../core.html#the-01-input-contract), [c](../00_core.ipynb#set-up), '
            '[d](#local), [e](../00_core.ipynb#twice-1), [f](https://example.org/x#y), `[code](nowhere.ipynb)`\n\n## Local',
            'Bad: [g](../missing.ipynb), [h](../00_core.ipynb#nope), [i](#elsewhere), [j](../core.html#setup), [k](../00_core.ipynb#core)\n\n'
            '```\n[fenced](gone.ipynb)\n```\n\n[ref]: ../gone.html'))
        assert [t for _, t, _ in sidebar_bad(root)] == ['sub/gone.ipynb']
        bad = [(f.name, t) for f, t, _ in check(doc_files(root), root)]
        assert bad == [('page.ipynb', '../missing.ipynb'), ('page.ipynb', '../00_core.ipynb#nope'),
                       ('page.ipynb', '#elsewhere'), ('page.ipynb', '../core.html#setup'), ('page.ipynb', '../00_core.ipynb#core'),
                       ('page.ipynb', '../gone.html')], bad

def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument('--root', default=str(Path(__file__).resolve().parent.parent), help='the repository (default: this one)')
    p.add_argument('--self-test', action='store_true', help='check the checker on a made-up site, then the docs')
    a = p.parse_args()
    t0 = time.perf_counter()
    if a.self_test: self_test()
    root = Path(a.root).resolve(); files = doc_files(root)
    bad = check(files, root) + sidebar_bad(root)
    for f, target, why in bad: print(f"{f.relative_to(root)}: {target} ({why})")
    print(f"links: {len(files)} pages checked, {len(bad)} broken link(s) ({time.perf_counter()-t0:.1f} s)"
          + ('; self-test passed' if a.self_test else ''))
    sys.exit(1 if bad else 0)

if __name__ == '__main__': main()
