// Progressive enhancement only: every page reads and works without this file.
document.querySelectorAll("[data-print]").forEach(button => {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
});
