using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Assistant.Benchmarks.Layout;

/// <summary>A managed method's body in the native executable: where it starts (virtual address), its size, its symbol.</summary>
public sealed record MethodSymbol(ulong Address, ulong Size, string Name);

/// <summary>
/// The order file for the native compiler (<c>IlcOrderFile</c>): the managed methods whose code lies on pages a run
/// touched, first those of the first run given, then the others, each in the order they stand in the executable now.
/// The compiler lays them out first and together, so the pages the program touches are few and next to each other
/// instead of spread over the whole code section (where the kernel maps 64 KB around each touched page).
/// </summary>
public static class MethodOrder
{
    public const string CodeSection = "__managedcode";

    /// <summary>The methods on touched pages. <paramref name="runs"/> are sets of file page numbers (4 KB).</summary>
    public static IReadOnlyList<string> Select(ElfSection code, IEnumerable<MethodSymbol> methods, params IReadOnlySet<long>[] runs)
    {
        var inCode = methods
            .Where(m => m.Address >= code.Address && m.Address < code.Address + code.Size)
            .OrderBy(m => m.Address)
            .ToList();
        var chosen = new HashSet<string>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var run in runs)
        {
            foreach (var method in inCode)
            {
                if (!chosen.Contains(method.Name) && OnTouchedPage(code, method, run))
                {
                    chosen.Add(method.Name);
                    order.Add(method.Name);
                }
            }
        }

        return order;
    }

    private static bool OnTouchedPage(ElfSection code, MethodSymbol method, IReadOnlySet<long> touched)
    {
        var offset = (long)(method.Address - code.Address + code.Offset);
        var last = offset + (long)Math.Max(method.Size, 1) - 1;
        for (var page = offset / 4096; page <= last / 4096; page++)
        {
            if (touched.Contains(page))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The defined code symbols with sizes from <c>nm -S --defined-only</c> output.</summary>
    public static IEnumerable<MethodSymbol> ParseNm(string nmOutput)
    {
        foreach (var line in nmOutput.Split('\n'))
        {
            var parts = line.Split(' ', 4);
            if (parts.Length == 4 && parts[1].Length == 16 && parts[2] is "t" or "T")
            {
                yield return new MethodSymbol(
                    ulong.Parse(parts[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                    ulong.Parse(parts[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                    parts[3].TrimEnd('\r'));
            }
        }
    }
}

/// <summary>A section of an ELF file: its virtual address, its offset in the file and its size.</summary>
public sealed record ElfSection(string Name, ulong Address, ulong Offset, ulong Size)
{
    /// <summary>Reads the named section's header of a 64-bit little-endian ELF file (its headers only, not the whole file).</summary>
    public static ElfSection Read(string file, string name)
    {
        using var handle = File.OpenHandle(file);
        var elf = ReadAt(handle, 0, 64);
        var headers = (long)BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(0x28));
        var entrySize = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(0x3A));
        var count = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(0x3C));
        var namesIndex = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(0x3E));
        var table = ReadAt(handle, headers, count * entrySize);
        var namesHeader = table.AsSpan(namesIndex * entrySize);
        var names = ReadAt(handle, (long)BinaryPrimitives.ReadUInt64LittleEndian(namesHeader[0x18..]), (int)BinaryPrimitives.ReadUInt64LittleEndian(namesHeader[0x20..]));
        for (var i = 0; i < count; i++)
        {
            var header = table.AsSpan(i * entrySize, entrySize);
            var nameStart = (int)BinaryPrimitives.ReadUInt32LittleEndian(header);
            var nameEnd = Array.IndexOf(names, (byte)0, nameStart);
            if (Encoding.ASCII.GetString(names, nameStart, nameEnd - nameStart) == name)
            {
                return new ElfSection(
                    name,
                    BinaryPrimitives.ReadUInt64LittleEndian(header[0x10..]),
                    BinaryPrimitives.ReadUInt64LittleEndian(header[0x18..]),
                    BinaryPrimitives.ReadUInt64LittleEndian(header[0x20..]));
            }
        }

        throw new InvalidOperationException($"no section {name} in {file}");
    }

    private static byte[] ReadAt(Microsoft.Win32.SafeHandles.SafeFileHandle handle, long offset, int length)
    {
        var buffer = new byte[length];
        var read = RandomAccess.Read(handle, buffer, offset);
        return read == length ? buffer : throw new InvalidDataException($"short read: {read} of {length} bytes at {offset}");
    }
}
