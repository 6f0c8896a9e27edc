# mpconform: report an interpreter's facts as one line "MPCONFORM-FACTS <json>".
# Runs on any Python (2.7 included) far enough to report an unsupported version.
from __future__ import print_function
import json
import sys

MARK = 'MPCONFORM-FACTS '
# The libraries under test (src/contracts/libraries.ts):
# BEGIN generated from src/contracts by scripts/generate-probe-contracts.ts (do not edit)
# key -> module whose import makes the interpreter version the key's version
STDLIB_TARGETS = (('multiprocessing', 'multiprocessing'), ('concurrent.futures', 'concurrent.futures.process'))
# key -> modules whose first importable __version__ is the key's version
PACKAGE_TARGETS = (('multiprocess', ('multiprocess',)), ('billiard', ('billiard',)), ('pebble', ('pebble',)), ('joblib', ('joblib',)), ('loky', ('loky', 'joblib.externals.loky')), ('mpire', ('mpire',)))
# END generated
facts = {
    'implementation': getattr(getattr(sys, 'implementation', None), 'name', 'cpython'),
    'versionInfo': list(sys.version_info[:3]),
    'executable': sys.executable,
    'platform': sys.platform,
}
if tuple(sys.version_info[:2]) < (3, 7):
    print(MARK + json.dumps(facts))
    sys.exit(0)

import multiprocessing  # noqa: E402

facts['startMethods'] = multiprocessing.get_all_start_methods()
facts['defaultMethod'] = multiprocessing.get_start_method()  # this process is fresh
version = '%d.%d.%d' % tuple(sys.version_info[:3])
targets = {}
for key, module in STDLIB_TARGETS:
    targets[key] = None
    try:
        __import__(module)
        targets[key] = version
    except Exception:
        pass


def version_of(name, attr_module=None):
    try:
        module = __import__(name, fromlist=['_'])
    except Exception:
        return None
    version = getattr(module, '__version__', None)
    if not version:
        # packages without __version__ (mpire): the installed distribution's metadata, 3.8+
        try:
            from importlib.metadata import version as dist_version
            version = dist_version(name.split('.')[0])
        except Exception:
            try:  # 3.7: setuptools' pkg_resources, when installed
                import pkg_resources
                version = pkg_resources.get_distribution(name.split('.')[0]).version
            except Exception:
                version = None
    return str(version or 'unknown')


for key, modules in PACKAGE_TARGETS:
    targets[key] = None
    for module in modules:
        targets[key] = version_of(module)
        if targets[key] is not None:
            break
facts['targets'] = targets
print(MARK + json.dumps(facts))
