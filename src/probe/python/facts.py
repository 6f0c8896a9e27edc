# mpconform: report an interpreter's facts as one line "MPCONFORM-FACTS <json>".
# Runs on any Python (2.7 included) far enough to report an unsupported version.
from __future__ import print_function
import json
import sys

MARK = 'MPCONFORM-FACTS '
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
targets = {'multiprocessing': version, 'concurrent.futures': None}
try:
    import concurrent.futures.process  # noqa: F401
    targets['concurrent.futures'] = version
except Exception:
    pass


def version_of(name, attr_module=None):
    try:
        module = __import__(name, fromlist=['_'])
    except Exception:
        return None
    return str(getattr(module, '__version__', None) or 'unknown')


for name in ('multiprocess', 'billiard', 'pebble', 'joblib'):
    targets[name] = version_of(name)
targets['loky'] = version_of('loky') or version_of('joblib.externals.loky')
facts['targets'] = targets
print(MARK + json.dumps(facts))
