// A deliberately wrong P/Invoke layer: the signature check must fail on it.
internal static class NativeMethods
{
    [DllImport(Lib)] internal static extern int iro_date_parse(byte[] text);
}
