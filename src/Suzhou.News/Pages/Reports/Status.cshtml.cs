using Suzhou.News.TipOffs;
using Suzhou.News.Pages.Shared;

namespace Suzhou.News.Pages.Reports;

public sealed class StatusModel(SubmissionDesk desk) : SubmissionStatusPage(desk)
{
    public override SubmissionKind Kind => SubmissionKind.Report;
}
