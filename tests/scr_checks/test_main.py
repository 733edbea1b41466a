import subprocess
import sys
import textwrap

from scr_checks import __version__

SPY = textwrap.dedent("""
    import gc, runpy, sys

    class Spy:
        def find_spec(self, name, path=None, target=None):
            if name == "scr_checks.cli":
                print("collector on" if gc.isenabled() else "collector off")

    sys.meta_path.insert(0, Spy())
    sys.argv = ["scr-checks", "--version"]
    runpy.run_module("scr_checks", run_name="__main__", alter_sys=True)
""")


def test_python_m_imports_the_command_with_the_collector_off():
    """Start-up's imports make only what lives until the run ends: nothing to collect."""
    done = subprocess.run([sys.executable, "-c", SPY], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "collector off"
    assert __version__ in done.stdout


def test_a_check_run_imports_neither_hashlib_nor_tempfile(tmp_path):
    """Their imports cost a one-page run more than the hashing and writing they do
    (and shutil's more than the terminal's width it finds for argparse)."""
    report = tmp_path / "r.rst"
    report.write_text("Introduction\n============\n\nIt was decided on 3 March 2019.\n",
                      encoding="utf-8")
    code = textwrap.dedent(f"""
        import atexit, runpy, sys
        sys.argv = ["scr-checks", "check", {str(report)!r}, "--sarif", {str(tmp_path / "o")!r}]
        atexit.register(lambda: print(sorted(
            m for m in ("hashlib", "tempfile", "_hashlib", "shutil") if m in sys.modules)))
        runpy.run_module("scr_checks", run_name="__main__", alter_sys=True)
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=tmp_path)
    assert done.stdout.splitlines()[-1] == "[]", done.stderr
    assert (tmp_path / "o").read_text(encoding="utf-8").startswith("{")
