namespace Assistant.Core.Findings;

/// <summary>The four aspects (四个方面) every finding is filed under.</summary>
public enum Aspect
{
    /// <summary>学习贯彻重要指示批示精神和决策部署.</summary>
    Instructions = 1,

    /// <summary>安全生产责任落实.</summary>
    Responsibilities = 2,

    /// <summary>重大专项行动组织实施.</summary>
    Campaigns = 3,

    /// <summary>基层末梢抓工作落实.</summary>
    Grassroots = 4,
}

/// <summary>Sectors (领域) as teams group them.</summary>
public enum Sector
{
    Fire,
    CoalMines,
    NonCoalMines,
    HazardousChemicals,
    UrbanGas,
    CrowdedPlaces,
    Construction,
    RoadTransport,
    WaterTransport,
    IndustryTrade,
    Tourism,
    Other,
}

/// <summary>How the problem was found (方式).</summary>
public enum Method
{
    /// <summary>听取汇报.</summary>
    HearingReports,

    /// <summary>调阅材料.</summary>
    ReviewingDocuments,

    /// <summary>个别谈话.</summary>
    Interviews,

    /// <summary>走访问询.</summary>
    VisitsInquiries,

    /// <summary>受理举报.</summary>
    ReceivingTips,

    /// <summary>实地检查.</summary>
    OnSiteInspection,
}

/// <summary>重大事故隐患 / 一般隐患 / 问题.</summary>
public enum Severity
{
    MajorHazard,
    GeneralHazard,
    Problem,
}

/// <summary>Catalog keys and short button codes for the classifications.</summary>
public static class Classification
{
    public static string Key(this Aspect aspect) => $"aspect.{(int)aspect}";

    public static string ShortKey(this Aspect aspect) => $"aspect.{(int)aspect}.short";

    public static string Key(this Sector sector) => "sector." + sector.ToString().ToLowerInvariant();

    public static string Key(this Method method) => "method." + method.ToString().ToLowerInvariant();

    public static string Key(this Severity severity) => "severity." + severity.ToString().ToLowerInvariant();

    public static string OpennessKey(bool covert) => covert ? "openness.covert" : "openness.open";
}
