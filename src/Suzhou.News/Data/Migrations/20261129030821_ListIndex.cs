using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Suzhou.News.Data.Migrations
{
    /// <inheritdoc />
    public partial class ListIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Articles_List",
                table: "Articles",
                columns: new[] { "Status", "FirstPublishedAt", "Number", "ChannelId", "CountyId", "IsPinned" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_List",
                table: "Articles");
        }
    }
}
