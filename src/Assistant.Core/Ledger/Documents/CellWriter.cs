using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Assistant.Core.Ledger.Documents;

/// <summary>
/// Writes <c>&lt;c r="…" s="…" t="s"&gt;&lt;v&gt;…&lt;/v&gt;&lt;/c&gt;</c> through the SDK's writer with one reused element
/// and attribute list, so that 20,000 rows do not allocate a DOM object per cell.
/// </summary>
internal sealed class CellWriter(OpenXmlWriter writer)
{
    private readonly Cell _cell = new();
    private readonly CellValue _value = new();
    private readonly List<OpenXmlAttribute> _attributes = new(3);

    public void Write(string reference, string value, uint style, bool sharedString = false)
    {
        _attributes.Clear();
        _attributes.Add(new OpenXmlAttribute("r", "", reference));
        _attributes.Add(new OpenXmlAttribute("s", "", style.ToString(CultureInfo.InvariantCulture)));
        if (sharedString)
        {
            _attributes.Add(new OpenXmlAttribute("t", "", "s"));
        }

        writer.WriteStartElement(_cell, _attributes);
        writer.WriteStartElement(_value);
        writer.WriteString(value);
        writer.WriteEndElement();
        writer.WriteEndElement();
    }
}
