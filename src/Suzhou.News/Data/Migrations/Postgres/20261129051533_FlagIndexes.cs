using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Suzhou.News.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FlagIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Articles_Featured",
                table: "Articles",
                columns: new[] { "Status", "FirstPublishedAt", "Number" },
                filter: "\"IsFeatured\"");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Headlines",
                table: "Articles",
                columns: new[] { "Status", "FirstPublishedAt", "Number" },
                filter: "\"IsHeadline\"");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Slideshow",
                table: "Articles",
                columns: new[] { "Status", "FirstPublishedAt", "Number" },
                filter: "\"IsSlideshow\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_Featured",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Headlines",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Slideshow",
                table: "Articles");
        }
    }
}
