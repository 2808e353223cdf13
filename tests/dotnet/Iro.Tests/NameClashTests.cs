// Issue 16: Iro.Calendar clashed with System.Globalization.Calendar (CS0104) in any file that imports both
// namespaces, as this one does. That this file compiles is the test; the fact checks both types are usable.
using System.Globalization;
using Iro;
using Xunit;

namespace Iro.Tests
{
    public class NameClashTests
    {
        [Fact]
        public void BothCalendarsAreUsableInOneFile()
        {
            Calendar gregorian = new GregorianCalendar();
            using (WorkingCalendar working = WorkingCalendar.Builtin())
            {
                Assert.Equal(2024, gregorian.GetYear(working.AddWorkingDays(IroDate.Parse("2024-03-25"), 20).ToDateTime()));
                Assert.Equal("england-and-wales", working.Division);
            }
        }
    }
}
