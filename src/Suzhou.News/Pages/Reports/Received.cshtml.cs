using Suzhou.News.TipOffs;
using Suzhou.News.Pages.Shared;

namespace Suzhou.News.Pages.Reports;

public sealed class ReceivedModel : SubmissionReceivedPage
{
    public override SubmissionKind Kind => SubmissionKind.Report;
}
