using Suzhou.News.Pages.Shared;
using Suzhou.News.TipOffs;

namespace Suzhou.News.Pages.Tips;

public sealed class ReceivedModel : SubmissionReceivedPage
{
    public override SubmissionKind Kind => SubmissionKind.Tip;
}
