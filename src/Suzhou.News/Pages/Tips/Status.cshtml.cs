using Suzhou.News.Pages.Shared;
using Suzhou.News.TipOffs;

namespace Suzhou.News.Pages.Tips;

public sealed class StatusModel(SubmissionDesk desk) : SubmissionStatusPage(desk)
{
    public override SubmissionKind Kind => SubmissionKind.Tip;
}
