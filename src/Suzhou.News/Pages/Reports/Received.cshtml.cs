using Suzhou.News.Pages.Shared;
using Suzhou.News.TipOffs;

namespace Suzhou.News.Pages.Reports;

public sealed class ReceivedModel : SubmissionReceivedPage
{
    public override SubmissionKind Kind => SubmissionKind.Report;
}
