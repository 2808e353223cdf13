# A deliberately wrong ctypes table: the signature check must fail on it (test signature_check_catches_drift).
import ctypes
_SIGNATURES = {
    "iro_version_string": (ctypes.c_char_p, []),
    "iro_date_parse": (ctypes.c_int32, [ctypes.c_char_p]),
    "iro_not_in_the_header": (ctypes.c_int32, []),
}
