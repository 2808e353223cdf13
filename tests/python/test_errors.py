"""iro.errors: every status maps to its exception, with the library's message and status name."""
import unittest

import iro
from iro import errors


class Errors(unittest.TestCase):
    def test_every_status_has_its_class(self):
        expected = {1: iro.InvalidArgumentError, 2: iro.OutOfRangeError, 3: iro.InvalidDateError,
                    4: iro.ParseError, 5: iro.BufferTooSmallError, 6: iro.NotFoundError, 7: iro.IroIOError,
                    8: iro.NoMemoryError, 9: iro.RuleViolationError, 10: iro.InternalError}
        for status, cls in expected.items():
            error = errors.error_for(status, "m")
            self.assertIs(type(error), cls)
            self.assertEqual(error.status, status)
            self.assertTrue(error.status_name.startswith("IRO_E_"))
        unknown = errors.error_for(99, "m")
        self.assertIs(type(unknown), iro.IroError)
        self.assertEqual(unknown.status_name, "IRO_E_UNKNOWN")

    def test_check_uses_the_message_of_the_failed_call(self):
        with self.assertRaises(iro.InvalidDateError) as caught:
            iro.parse_date("2023-02-29")
        self.assertEqual(caught.exception.status_name, "IRO_E_INVALID_DATE")
        self.assertIn("February 2023", caught.exception.message)
        errors.check(0)  # IRO_OK raises nothing

    def test_standard_bases(self):
        self.assertTrue(issubclass(iro.NotFoundError, LookupError))
        self.assertTrue(issubclass(iro.IroIOError, OSError))
        self.assertTrue(issubclass(iro.ParseError, ValueError))


if __name__ == "__main__":
    unittest.main()
