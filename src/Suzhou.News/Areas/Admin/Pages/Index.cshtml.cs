using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Suzhou.News.Areas.Admin.Pages;

public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
