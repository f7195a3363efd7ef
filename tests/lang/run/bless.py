#!/usr/bin/env python3
"""bless.py FILE.go...: append Go 1.23's observed behaviour (stdout, exit
status, first line of stderr) as the expectation comments test_run.c reads,
to programs that have none yet. Run by hand when adding a program; review
the result before committing."""
import os
import subprocess
import sys
import tempfile

GO = os.environ.get("GO", "/usr/lib/go-1.23/bin/go")


def bless(path):
    src = open(path).read()
    if "// Output:" in src:
        return
    with tempfile.TemporaryDirectory() as d:
        cache = os.environ.get("GOCACHE", "/tmp/chanlab-gocache")
        env = dict(os.environ, GO111MODULE="off", GOCACHE=cache,
                   GOPATH=os.path.join(d, "p"), GOTOOLCHAIN="local")
        b = subprocess.run([GO, "build", "-o", os.path.join(d, "prog"), path], env=env,
                           capture_output=True, text=True)
        if b.returncode:
            sys.exit(f"{path}: go build failed:\n{b.stderr}")
        r = subprocess.run([os.path.join(d, "prog")], capture_output=True, text=True,
                           env=dict(os.environ, GOMAXPROCS="1"), timeout=60)
    tail = []
    if r.returncode:
        tail.append(f"// Exit: {r.returncode}")
    if r.stderr:
        tail.append(f"// Stderr: {r.stderr.splitlines()[0]}")
    tail.append("// Output:")
    lines = r.stdout.split("\n")
    if r.stdout.endswith("\n") or not r.stdout:
        lines = lines[:-1]
    for line in lines:
        tail.append("// " + line if line else "//")
    if not src.endswith("\n"):
        src += "\n"
    open(path, "w").write(src + "\n" + "\n".join(tail) + "\n")


for p in sys.argv[1:]:
    bless(p)
