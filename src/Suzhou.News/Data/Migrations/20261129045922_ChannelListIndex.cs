using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Suzhou.News.Data.Migrations
{
    /// <inheritdoc />
    public partial class ChannelListIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_ChannelId_Status_FirstPublishedAt",
                table: "Articles");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_ChannelId_Status_FirstPublishedAt_Number",
                table: "Articles",
                columns: new[] { "ChannelId", "Status", "FirstPublishedAt", "Number" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_ChannelId_Status_FirstPublishedAt_Number",
                table: "Articles");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_ChannelId_Status_FirstPublishedAt",
                table: "Articles",
                columns: new[] { "ChannelId", "Status", "FirstPublishedAt" });
        }
    }
}
