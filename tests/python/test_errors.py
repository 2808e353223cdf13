"""iro.errors: every status maps to its exception, with the library's message and status name."""
import unittest

import iro
from iro import errors

EXPECTED = {
    1: ("IRO_E_INVALID_ARGUMENT", iro.InvalidArgumentError, ValueError),
    2: ("IRO_E_OUT_OF_RANGE", iro.OutOfRangeError, ValueError),
    3: ("IRO_E_INVALID_DATE", iro.InvalidDateError, ValueError),
    4: ("IRO_E_PARSE", iro.ParseError, ValueError),
    5: ("IRO_E_BUFFER_TOO_SMALL", iro.BufferTooSmallError, iro.IroError),
    6: ("IRO_E_NOT_FOUND", iro.NotFoundError, LookupError),
    7: ("IRO_E_IO", iro.IroIOError, OSError),
    8: ("IRO_E_NO_MEMORY", iro.NoMemoryError, MemoryError),
    9: ("IRO_E_RULE_VIOLATION", iro.RuleViolationError, iro.IroError),
    10: ("IRO_E_INTERNAL", iro.InternalError, iro.IroError),
}


class StatusMapping(unittest.TestCase):
    def test_every_status_has_its_class_name_and_builtin_base(self):
        for status, (name, cls, builtin) in EXPECTED.items():
            with self.subTest(status=status):
                error = errors.error_for(status, "the message")
                self.assertIs(type(error), cls)
                self.assertIsInstance(error, builtin)
                self.assertIsInstance(error, iro.IroError)
                self.assertEqual((error.status, error.status_name, error.message), (status, name, "the message"))
                self.assertEqual(str(error), "the message")
                self.assertEqual(cls.STATUS, status)

    def test_unknown_codes_raise_the_base_class(self):
        for status in (11, 99, -1):
            error = errors.error_for(status, "m")
            self.assertIs(type(error), iro.IroError)
            self.assertEqual((error.status, error.status_name), (status, "IRO_E_UNKNOWN"))
            with self.assertRaises(iro.IroError):
                errors.check(status)

    def test_errors_made_in_python_carry_their_class_status(self):
        error = iro.InvalidArgumentError("bad")
        self.assertEqual((error.status, error.status_name), (1, "IRO_E_INVALID_ARGUMENT"))


class Check(unittest.TestCase):
    def test_ok_raises_nothing(self):
        self.assertIsNone(errors.check(0))

    def test_the_message_is_the_failed_calls(self):
        with self.assertRaises(iro.InvalidDateError) as caught:
            iro.parse_date("2023-02-29")
        error = caught.exception
        self.assertEqual((error.status, error.status_name), (3, "IRO_E_INVALID_DATE"))
        self.assertIn("iro_date_parse", error.message)
        self.assertIn("2023-02-29", error.message)

    def test_each_library_status_seen_through_the_api(self):
        raised = {
            iro.InvalidArgumentError: lambda: iro.Calendar.from_govuk_text('{"england-and-wales": {"events": []}}'),
            iro.OutOfRangeError: lambda: iro.parse_date("1899-12-31"),
            iro.InvalidDateError: lambda: iro.parse_date("2024-13-01"),
            iro.ParseError: lambda: iro.parse_date("2024-1-1"),
            iro.NotFoundError: lambda: iro.Calendar.builtin("wales"),
            iro.IroIOError: lambda: iro.Calendar.from_govuk_file("/nonexistent/bank-holidays.json"),
        }
        for cls, call in raised.items():
            with self.subTest(error=cls.__name__), self.assertRaises(cls) as caught:
                call()
            self.assertTrue(caught.exception.message)


if __name__ == "__main__":
    unittest.main()
