using Suzhou.News.TipOffs;
using Suzhou.News.Pages.Shared;

namespace Suzhou.News.Pages.Tips;

public sealed class StatusModel(SubmissionDesk desk) : SubmissionStatusPage(desk)
{
    public override SubmissionKind Kind => SubmissionKind.Tip;
}
