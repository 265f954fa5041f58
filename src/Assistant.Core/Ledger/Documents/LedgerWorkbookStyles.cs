using DocumentFormat.OpenXml.Spreadsheet;

namespace Assistant.Core.Ledger.Documents;

/// <summary>The stylesheet of the ledger workbook: fonts, the overdue fill, date formats and alignments.</summary>
internal static class LedgerWorkbookStyles
{
    private const string ExcelFont = "等线"; // DengXian, the default font of Chinese Excel since 2016

    /// <summary>The workbook's styles; their order is the Style* indexes <see cref="LedgerWorkbook"/> writes.</summary>
    internal static Stylesheet Create()
    {
        static Font MakeFont(double size, bool bold = false, string? color = null)
        {
            var font = new Font();
            if (bold)
            {
                font.Append(new Bold());
            }

            font.Append(new FontSize { Val = size });
            if (color is not null)
            {
                font.Append(new Color { Rgb = color });
            }

            font.Append(new FontName { Val = ExcelFont }, new FontFamilyNumbering { Val = 2 }, new FontCharSet { Val = 134 });
            return font;
        }

        static Alignment Aligned(VerticalAlignmentValues vertical, HorizontalAlignmentValues? horizontal = null, bool wrap = false)
        {
            var alignment = new Alignment { Vertical = vertical };
            if (horizontal is { } h)
            {
                alignment.Horizontal = h;
            }

            if (wrap)
            {
                alignment.WrapText = true;
            }

            return alignment;
        }

        static CellFormat Format(uint numberFormat, uint font, uint fill, Alignment alignment) => new(alignment)
        {
            NumberFormatId = numberFormat,
            FontId = font,
            FillId = fill,
            BorderId = 0U,
            FormatId = 0U,
            ApplyNumberFormat = numberFormat != 0 ? true : null,
            ApplyFont = font != 0 ? true : null,
            ApplyFill = fill != 0 ? true : null,
            ApplyAlignment = true,
        };

        return new Stylesheet(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = 164U, FormatCode = "yyyy-mm-dd" },
                new NumberingFormat { NumberFormatId = 165U, FormatCode = "yyyy-mm-dd hh:mm" })
            { Count = 2U },
            new Fonts(
                MakeFont(11),
                MakeFont(16, bold: true),
                MakeFont(11, color: "FF9C0006"), // Excel's "dark red text" that goes with the light red fill
                MakeFont(12, bold: true)) // the sensitivity line
            { Count = 4U },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFFFC7CE" }, new BackgroundColor { Indexed = 64U }) { PatternType = PatternValues.Solid }))
            { Count = 3U },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1U },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U }) { Count = 1U },
            new CellFormats(
                new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U },
                Format(0, 1, 0, Aligned(VerticalAlignmentValues.Center)), // StyleTitle
                Format(0, 0, 0, Aligned(VerticalAlignmentValues.Center, HorizontalAlignmentValues.Center, wrap: true)), // StyleHeader: the table style gives the font
                Format(0, 0, 0, Aligned(VerticalAlignmentValues.Top, wrap: true)), // StyleText
                Format(164, 0, 0, Aligned(VerticalAlignmentValues.Top, HorizontalAlignmentValues.Center)), // StyleDate
                Format(165, 0, 0, Aligned(VerticalAlignmentValues.Top, HorizontalAlignmentValues.Center)), // StyleDateTime
                Format(1, 2, 2, Aligned(VerticalAlignmentValues.Top)), // StyleOverdue
                Format(0, 3, 0, Aligned(VerticalAlignmentValues.Center, HorizontalAlignmentValues.Left))) // StyleSensitivity
            { Count = 8U },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0U, BuiltinId = 0U }) { Count = 1U },
            new DifferentialFormats { Count = 0U },
            new TableStyles { Count = 0U, DefaultTableStyle = LedgerWorkbook.TableStyle, DefaultPivotStyle = "PivotStyleLight16" });
    }
}
