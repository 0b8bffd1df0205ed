using System.Reflection;
using System.Runtime.InteropServices;

namespace OrleansPlans.DevBroker.Native;

/// <summary>
/// Resolves <c>librdkafka</c> for this assembly's P/Invokes to the same file Confluent.Kafka uses.
/// </summary>
/// <remarks>
/// Normally the runtime finds it by itself: the librdkafka.redist package lists the library as a
/// native asset in the app's <c>.deps.json</c>, which is exactly how Confluent.Kafka's own
/// <c>DllImport("librdkafka")</c> is resolved, so both end up with one loaded copy. The fallbacks
/// cover hosts where that list is missing (an app without a deps file, or the library loaded as a
/// plug-in): the package's <c>runtimes/&lt;rid&gt;/native</c> folder next to the app or next to
/// Confluent.Kafka.dll.
/// </remarks>
internal static class LibRdKafkaResolver
{
    private static int registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref registered, 1) == 0)
        {
            NativeLibrary.SetDllImportResolver(typeof(LibRdKafkaResolver).Assembly, Resolve);
        }
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != LibRdKafka.LibraryName)
        {
            return 0;
        }

        // Load Confluent.Kafka's copy first when it can (it knows its platform variants); dlopen of
        // the same file then hands us the same handle.
        TryLoadThroughConfluent();

        // The same names Confluent.Kafka tries, in its order: the package ships a default build plus
        // variants for hosts without its dependencies (the default Linux build needs libsasl2.so.3,
        // which e.g. Debian 12 does not have, so there the CentOS 8 build is the one that loads).
        foreach (var name in LibraryVariants())
        {
            if (NativeLibrary.TryLoad(name, assembly, searchPath, out var handle))
            {
                return handle;
            }
        }

        foreach (var candidate in CandidatePaths())
        {
            if (File.Exists(candidate) && NativeLibrary.TryLoad(candidate, out var handle))
            {
                return handle;
            }
        }

        // Zero lets the runtime try its default probing and report a DllNotFoundException.
        return 0;
    }

    private static void TryLoadThroughConfluent()
    {
        try
        {
            _ = Confluent.Kafka.Library.Version;
        }
        catch (DllNotFoundException)
        {
            // Our own probing below gets a chance and reports the failure if it also fails.
        }
    }

    private static string[] LibraryVariants() =>
        OperatingSystem.IsLinux()
            ? [LibRdKafka.LibraryName, "centos8-librdkafka", "alpine-librdkafka"]
            : [LibRdKafka.LibraryName];

    private static IEnumerable<string> CandidatePaths()
    {
        var extension = OperatingSystem.IsWindows() ? ".dll" : OperatingSystem.IsMacOS() ? ".dylib" : ".so";
        var fileNames = LibraryVariants().Select(v => v + extension).ToArray();
        var rids = new[] { RuntimeInformation.RuntimeIdentifier, PortableRid() }.Distinct(StringComparer.Ordinal).ToArray();
        var roots = new[]
        {
            AppContext.BaseDirectory,
            Path.GetDirectoryName(typeof(Confluent.Kafka.Library).Assembly.Location),
            Path.GetDirectoryName(typeof(LibRdKafkaResolver).Assembly.Location),
        };

        foreach (var root in roots.Where(r => !string.IsNullOrEmpty(r)).Distinct(StringComparer.Ordinal))
        {
            foreach (var fileName in fileNames)
            {
                yield return Path.Combine(root!, fileName);
                foreach (var rid in rids)
                {
                    yield return Path.Combine(root!, "runtimes", rid, "native", fileName);
                }
            }
        }
    }

    private static string PortableRid()
    {
        var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        var arch = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => "x64",
            Architecture.Arm64 => "arm64",
            Architecture.X86 => "x86",
            var other => other.ToString().ToLowerInvariant(),
        };
        return $"{os}-{arch}";
    }
}
