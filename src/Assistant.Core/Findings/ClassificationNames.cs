using System.Collections.Frozen;

namespace Assistant.Core.Findings;

/// <summary>
/// The names people type for sectors and aspects, in both languages: the labels of the buttons, the short forms
/// used in the field (危化, 燃气, 矿山, 交通…) and the work programme's full names of the four aspects. One table for
/// everywhere a sector or an aspect can be typed: the finding flow and the /ledger filters. Case, spaces, hyphens,
/// full-width letters and a trailing 领域/行业/方面/情况 do not matter. A word may stand for more than one sector
/// (矿山: coal and non-coal mines; 交通: road and water transport).
/// </summary>
public static class ClassificationNames
{
    private static readonly (string[] Names, Sector[] Sectors)[] SectorTable =
    [
        (["消防", "消防安全", "fire", "fire safety"], [Sector.Fire]),
        (["煤矿", "煤矿安全", "煤炭", "coal", "coal mine", "coal mines", "coal mining"], [Sector.CoalMines]),
        (["非煤矿山", "非煤", "非煤矿", "金属非金属矿山", "non-coal", "non-coal mine", "non-coal mines"], [Sector.NonCoalMines]),
        (["矿山", "矿山安全", "mine", "mines", "mining"], [Sector.CoalMines, Sector.NonCoalMines]),
        (["危险化学品", "危化", "危化品", "危险品", "化工", "hazardous chemicals", "hazchem", "chemicals", "chemical"], [Sector.HazardousChemicals]),
        (["城镇燃气", "燃气", "天然气", "urban gas", "gas"], [Sector.UrbanGas]),
        (["人员密集场所", "人员密集", "密集场所", "crowded places", "crowded place", "crowded"], [Sector.CrowdedPlaces]),
        (["建筑施工", "建筑", "建设工程", "construction", "building"], [Sector.Construction]),
        (["道路运输", "道路交通", "道路", "road transport", "road"], [Sector.RoadTransport]),
        (["水上运输", "水上交通", "水运", "水路运输", "water transport", "waterway"], [Sector.WaterTransport]),
        (["交通", "交通运输", "运输", "transport", "traffic"], [Sector.RoadTransport, Sector.WaterTransport]),
        (["工贸", "工矿商贸", "industry and trade", "industry & trade", "industry"], [Sector.IndustryTrade]),
        (["文化旅游", "旅游", "文旅", "景区", "tourism", "culture and tourism"], [Sector.Tourism]),
        (["其他", "其它", "other", "others"], [Sector.Other]),
    ];

    private static readonly (string[] Names, Aspect Aspect)[] AspectTable =
    [
        ([
            "习近平总书记重要指示批示精神和党中央国务院决策部署学习贯彻情况",
            "学习贯彻习近平总书记关于安全生产重要指示批示精神和党中央国务院决策部署",
            "学习贯彻重要指示批示精神", "重要指示批示精神", "重要指示批示", "指示批示", "学习贯彻", "决策部署",
            "Studying and carrying out the central leadership's instructions and decisions on safety",
            "Carrying out instructions", "instructions", "instructions and decisions",
        ], Aspect.Instructions),
        ([
            "安全生产责任落实", "责任落实", "安全生产责任", "安全责任",
            "Carrying out safety-production responsibilities", "Responsibilities", "responsibility",
        ], Aspect.Responsibilities),
        ([
            "重大事故隐患专项排查整治2023行动和全国城镇燃气安全专项整治等重大专项行动组织实施情况",
            "重大专项行动组织实施", "重大专项行动", "专项行动", "专项整治",
            "Organising the major special campaigns", "Special campaigns", "campaigns", "campaign",
        ], Aspect.Campaigns),
        ([
            "基层末梢抓工作落实", "基层末梢", "基层",
            "Follow-through at the grassroots", "Grassroots follow-through", "grassroots",
        ], Aspect.Grassroots),
    ];

    private static readonly string[] Suffixes = ["领域", "行业", "方面", "情况"];

    private static readonly FrozenDictionary<string, Sector[]> SectorsByName =
        SectorTable.SelectMany(row => row.Names.Select(name => (Key: Key(name), row.Sectors))).ToFrozenDictionary(x => x.Key, x => x.Sectors);

    private static readonly FrozenDictionary<string, Aspect> AspectsByName =
        AspectTable.SelectMany(row => row.Names.Select(name => (Key: Key(name), row.Aspect))).ToFrozenDictionary(x => x.Key, x => x.Aspect);

    /// <summary>The sectors a typed word names: one, several (矿山, 交通), or none when it names no sector.</summary>
    public static IReadOnlyList<Sector> Sectors(string? text) =>
        text is not null && SectorsByName.TryGetValue(Key(text), out var sectors) ? sectors : [];

    /// <summary>The aspect a typed word names, by its short or full name; null when none.</summary>
    public static Aspect? AspectOf(string? text) =>
        text is not null && AspectsByName.TryGetValue(Key(text), out var aspect) ? aspect : null;

    /// <summary>Lower case, full-width letters narrowed, spaces and - _ · ' dropped, a trailing 领域/行业/方面/情况 cut.</summary>
    private static string Key(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var narrow = c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c;
            if (!char.IsWhiteSpace(narrow) && narrow is not ('-' or '_' or '·' or '\'' or '’'))
            {
                builder.Append(char.ToLowerInvariant(narrow));
            }
        }

        var key = builder.ToString();
        foreach (var suffix in Suffixes)
        {
            if (key.Length > suffix.Length && key.EndsWith(suffix, StringComparison.Ordinal))
            {
                key = key[..^suffix.Length];
                break;
            }
        }

        return key;
    }
}
