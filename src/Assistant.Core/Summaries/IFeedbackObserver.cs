using Assistant.Core.Dispatching;
using Assistant.Core.Teams;

namespace Assistant.Core.Summaries;

/// <summary>A capability that follows the feedback (the rectification plan): told in the /report update's transaction.</summary>
public interface IFeedbackObserver
{
    /// <summary>The feedback was asked for; <paramref name="planDue"/> is the date it names for the province's plan.</summary>
    void FeedbackRequested(UpdateContext context, Team team, DateOnly planDue);
}
