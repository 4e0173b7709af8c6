using Suzhou.News.Pages.Shared;
using Suzhou.News.TipOffs;

namespace Suzhou.News.Pages.Reports;

public sealed class StatusModel(SubmissionDesk desk) : SubmissionStatusPage(desk)
{
    public override SubmissionKind Kind => SubmissionKind.Report;
}
