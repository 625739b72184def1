"""Counts the lines of each example port against its Python original (README, "Example ports").

A line counts when it is non-blank and not only a comment or docstring. Left out on both sides: imports
(Java's are written by the IDE, Python's are one per module), and the glue that is not the example's code:
in Python the module docstring and the "--- harness" block plus the lines calling its sub()/report(), in Java
the package line, the port's id()/name()/title()/main() methods and the class declaration with its closing
brace. Run from the repository root: python3 notebooks-reference/count_lines.py
"""
import ast
import re
import sys
from pathlib import Path

PORTS = [
    ("101", "blog_sparse_autoencoder.py", "BlogSparseAutoencoder"),
    ("102", "blog_vae.py", "BlogVae"),
    ("103", "keras_io_vae.py", "KerasIoVae"),
    ("104", "keras_io_denoiser.py", "KerasIoDenoiser"),
    ("105", "blog_simple_autoencoder.py", "BlogSimpleAutoencoder"),
    ("106", "blog_deep_autoencoder.py", "BlogDeepAutoencoder"),
    ("107", "blog_conv_autoencoder.py", "BlogConvAutoencoder"),
    ("108", "blog_denoising_autoencoder.py", "BlogDenoisingAutoencoder"),
    ("109", "blog_seq2seq_autoencoder.py", "BlogSeq2SeqAutoencoder"),
]
ROOT = Path(__file__).resolve().parent.parent
JAVA = ROOT / "src/main/java/keras4j/examples"


def python_lines(path):
    src = path.read_text()
    skip = set()
    for node in ast.walk(ast.parse(src)):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) \
                and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str):
            skip.update(range(body[0].lineno, body[0].end_lineno + 1))
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            skip.update(range(node.lineno, node.end_lineno + 1))
    count, harness = 0, False
    for i, line in enumerate(src.splitlines(), 1):
        s = line.strip()
        if s.startswith("# --- harness"):
            harness = True
        if harness:
            harness = not s.startswith("# --- end harness")
            continue
        if i in skip or not s or s.startswith("#") or re.search(r"\bsub\(|^report\(|matplotlib\.use|^_figure", s):
            continue
        count += 1
    return count


def java_lines(path):
    src = re.sub(r"/\*.*?\*/", "", path.read_text(), flags=re.S)
    lines = [re.sub(r"//.*", "", l).rstrip() for l in src.splitlines()]
    out, depth, skipping = [], 0, None
    for l in lines:
        s = l.strip()
        if not s or s.startswith(("package ", "import ", "@")):
            continue
        if skipping is None and depth == 1 and re.match(
                r"public (static )?\w+ (id|name|title|main)\(", s):
            skipping = depth
        before = depth
        depth += s.count("{") - s.count("}")
        if skipping is not None:
            if depth == skipping:
                skipping = None
            continue
        if before == 0 or depth == 0:
            continue
        out.append(s)
    return len(out)


def main():
    rows = []
    print("| id | Python original (notebooks-reference/) | Python lines | Java port | Java lines | ratio |")
    print("|---|---|---|---|---|---|")
    for pid, py, java in PORTS:
        p, j = python_lines(Path(__file__).parent / py), java_lines(JAVA / (java + ".java"))
        rows.append(j / p)
        print(f"| {pid} | `{py}` | {p} | `{java}` | {j} | {j / p:.2f} |")
    return 0 if max(rows) <= 1.5 else 1


if __name__ == "__main__":
    sys.exit(main())
