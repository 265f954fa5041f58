namespace Assistant.Core.Teams;

/// <summary>What a person is in a team (see shared/domain.md). Administrators come from settings, not from here.</summary>
public enum Role
{
    /// <summary>组长: reads briefs, approves the feedback.</summary>
    Leader = 0,

    /// <summary>联络员: keeps the itinerary, compiles the brief and the feedback.</summary>
    Liaison = 1,

    /// <summary>成员: a domain expert in the field.</summary>
    Member = 2,

    /// <summary>整改责任人: on the inspected side; sees only the findings assigned to them.</summary>
    Contact = 3,
}

public static class Roles
{
    /// <summary>Parses a role as people type it in either language; null when unknown.</summary>
    public static Role? Parse(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "LEADER" or "组长" or "副组长" => Role.Leader,
        "LIAISON" or "SECRETARY" or "联络员" or "秘书" => Role.Liaison,
        "MEMBER" or "成员" or "组员" => Role.Member,
        "CONTACT" or "RECTIFICATION" or "整改责任人" or "责任人" => Role.Contact,
        _ => null,
    };

    public static string CatalogKey(this Role role) => role switch
    {
        Role.Leader => "role.leader",
        Role.Liaison => "role.liaison",
        Role.Member => "role.member",
        _ => "role.contact",
    };

    /// <summary>Leader or liaison: the two who run the team's records.</summary>
    public static bool IsCoordinator(this Role role) => role is Role.Leader or Role.Liaison;
}
