namespace Assistant.Core.Schedule;

public static class EventKinds
{
    public static string Key(this EventKind kind) => "event." + kind.ToString().ToLowerInvariant();

    /// <summary>Reads a kind as written in an itinerary file or typed: 见面会, briefing, SiteInspection, 暗访…</summary>
    public static EventKind? Parse(string? text)
    {
        var v = text?.Trim().ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        return v switch
        {
            null or "" => null,
            "KICKOFFMEETING" or "KICKOFF" or "见面会" or "动员会" => EventKind.KickOffMeeting,
            "BRIEFING" or "汇报会" or "汇报" or "听取汇报" => EventKind.Briefing,
            "SITEINSPECTION" or "INSPECTION" or "实地检查" or "检查" or "明查" => EventKind.SiteInspection,
            "COVERTVISIT" or "COVERT" or "暗访" or "暗查" => EventKind.CovertVisit,
            "INTERVIEW" or "个别谈话" or "谈话" => EventKind.Interview,
            "DOCUMENTREVIEW" or "DOCUMENTS" or "调阅材料" or "查阅资料" or "查阅材料" => EventKind.DocumentReview,
            "TRAINING" or "培训" or "授课" => EventKind.Training,
            "FEEDBACKMEETING" or "FEEDBACK" or "反馈会" or "反馈" => EventKind.FeedbackMeeting,
            "TRAVEL" or "路途" or "行程" or "出发" or "返程" => EventKind.Travel,
            "OTHER" or "其他" or "其它" => EventKind.Other,
            _ => null,
        };
    }
}
