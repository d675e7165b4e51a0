# Sourced by the scripts that need a given CPython (scripts/test_python.sh,
# fuzz/python/run.sh).
#
# find_python 3.X prints the path of CPython 3.X: pyenv's newest 3.X.*
# installation, else python3.X on PATH; it fails when there is neither.
find_python() {
    local minor=$1 candidate="" pyenv_root
    pyenv_root=$(pyenv root 2>/dev/null || echo "${PYENV_ROOT:-$HOME/.pyenv}")
    if [ -d "$pyenv_root/versions" ]; then
        candidate=$(find "$pyenv_root/versions" -maxdepth 1 -name "$minor.*" \
            | grep -E "/$minor\.[0-9]+$" | sort -V | tail -n 1)
    fi
    if [ -n "$candidate" ] && [ -x "$candidate/bin/python$minor" ]; then
        echo "$candidate/bin/python$minor"
    elif command -v "python$minor" >/dev/null 2>&1; then
        command -v "python$minor"
    else
        return 1
    fi
}
