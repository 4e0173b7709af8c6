using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Suzhou.News.Data.Migrations
{
    /// <inheritdoc />
    public partial class Discovery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ArticleViewBuckets",
                columns: table => new
                {
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Hour = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleViewBuckets", x => new { x.ArticleId, x.Hour });
                    table.ForeignKey(
                        name: "FK_ArticleViewBuckets_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ArticleViewBuckets_Hour",
                table: "ArticleViewBuckets",
                column: "Hour");
        
            // Search: FTS5 table, key table and delete trigger (raw SQL kept in Search/SearchSchema.cs).
            Suzhou.News.Search.SearchSchema.Up(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Suzhou.News.Search.SearchSchema.Down(migrationBuilder);

            migrationBuilder.DropTable(
                name: "ArticleViewBuckets");
        }
    }
}
