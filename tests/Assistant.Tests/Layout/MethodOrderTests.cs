using Assistant.Benchmarks.Layout;

namespace Assistant.Tests.Layout;

public sealed class MethodOrderTests
{
    // Code at virtual address 0x401000, file offset 0x1000: file page 1 holds 0x401000-0x401fff, page 2 the next 4 KB.
    private static readonly ElfSection Code = new(MethodOrder.CodeSection, 0x401000, 0x1000, 0x4000);

    [Fact]
    public void Keeps_the_methods_on_touched_pages_the_first_run_first_each_in_the_order_they_stand()
    {
        MethodSymbol[] methods =
        [
            new(0x402100, 0x40, "B_on_page_2"),
            new(0x401010, 0x20, "A_on_page_1"),
            new(0x403ff0, 0x40, "C_across_pages_3_and_4"),
            new(0x404800, 0x40, "D_on_page_4"),
            new(0x401800, 0x40, "E_on_page_1"),
            new(0x400800, 0x40, "F_before_the_section"),
        ];

        var order = MethodOrder.Select(Code, methods, new HashSet<long> { 2, 0 }, new HashSet<long> { 4, 1 });

        Assert.Equal(["B_on_page_2", "A_on_page_1", "E_on_page_1", "C_across_pages_3_and_4", "D_on_page_4"], order);
    }

    [Fact]
    public void A_method_on_no_touched_page_is_left_where_it_is()
    {
        var order = MethodOrder.Select(Code, [new MethodSymbol(0x402100, 0x40, "Cold")], new HashSet<long> { 1, 3 });

        Assert.Empty(order);
    }

    [Fact]
    public void Reads_the_sized_code_symbols_of_nm_and_nothing_else()
    {
        const string output = """
            0000000000402100 0000000000000040 t S_P_CoreLib_System_String__Concat
            0000000000402200 0000000000000010 T main
            000000000386e000 b __embedded_metadata
            0000000003870000 0000000000000100 b _ZTV12SomeType
            0000000000402300 0000000000000020 t <Boxed>S_P_CoreLib_X__<unbox>Y
            """;

        var symbols = MethodOrder.ParseNm(output.ReplaceLineEndings("\n")).ToList();

        Assert.Equal(
            [
                new MethodSymbol(0x402100, 0x40, "S_P_CoreLib_System_String__Concat"),
                new MethodSymbol(0x402200, 0x10, "main"),
                new MethodSymbol(0x402300, 0x20, "<Boxed>S_P_CoreLib_X__<unbox>Y"),
            ],
            symbols);
    }

    [Fact]
    public void Reads_a_section_header_of_a_real_executable()
    {
        var executable = Environment.ProcessPath!; // the test host (dotnet), an ELF file on Linux

        var text = ElfSection.Read(executable, ".text");

        Assert.True(text.Size > 0);
        Assert.InRange(text.Offset + text.Size, 1UL, (ulong)new FileInfo(executable).Length);
        Assert.Throws<InvalidOperationException>(() => ElfSection.Read(executable, "__no_such_section"));
    }
}
