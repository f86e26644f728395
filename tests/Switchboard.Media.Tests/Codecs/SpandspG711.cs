using System.Runtime.InteropServices;
using Switchboard.Testing;

namespace Switchboard.Media.Tests.Codecs;

/// <summary>spandsp's G.711, reached through the shim that tests/setup/50-media.sh compiles.</summary>
internal static partial class SpandspG711
{
    private const string Library = "g711reference";

    static SpandspG711()
    {
        var path = RepoPaths.InRepo(".build", "native", "libg711reference.so");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: run ./test.sh (tests/setup/50-media.sh builds it).");
        }

        NativeLibrary.SetDllImportResolver(typeof(SpandspG711).Assembly, (name, _, _) =>
            name == Library ? NativeLibrary.Load(path) : IntPtr.Zero);
    }

    public static byte LinearToULaw(short linear) => reference_linear_to_ulaw(linear);

    public static short ULawToLinear(byte code) => reference_ulaw_to_linear(code);

    public static byte LinearToALaw(short linear) => reference_linear_to_alaw(linear);

    public static short ALawToLinear(byte code) => reference_alaw_to_linear(code);

    [LibraryImport(Library)]
    private static partial byte reference_linear_to_ulaw(short linear);

    [LibraryImport(Library)]
    private static partial short reference_ulaw_to_linear(byte code);

    [LibraryImport(Library)]
    private static partial byte reference_linear_to_alaw(short linear);

    [LibraryImport(Library)]
    private static partial short reference_alaw_to_linear(byte code);
}
