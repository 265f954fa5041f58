using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Assistant.Core.Ledger.Documents;

/// <summary>The shared string table: each distinct text once, cells refer to it by index.</summary>
internal sealed class SharedStrings
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);
    private readonly List<string> _texts = [];
    private int _references;

    public int IndexOf(string text)
    {
        _references++;
        if (!_indexes.TryGetValue(text, out var index))
        {
            index = _texts.Count;
            _indexes.Add(text, index);
            _texts.Add(text);
        }

        return index;
    }

    public void WriteTo(SharedStringTablePart part)
    {
        using var writer = OpenXmlWriter.Create(part, Utf8);
        writer.WriteStartDocument();
        writer.WriteStartElement(new SharedStringTable { Count = (uint)_references, UniqueCount = (uint)_texts.Count });
        foreach (var text in _texts)
        {
            var stored = SpreadsheetText.EscapeForStorage(text);
            var element = new Text(stored);
            if (stored.Length > 0 && (char.IsWhiteSpace(stored[0]) || char.IsWhiteSpace(stored[^1])))
            {
                element.Space = SpaceProcessingModeValues.Preserve;
            }

            writer.WriteElement(new SharedStringItem(element));
        }

        writer.WriteEndElement();
        writer.Close();
    }
}
