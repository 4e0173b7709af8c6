// Copy-link button for the share box. Without this file the link stays visible and selectable.
document.querySelectorAll("[data-copy-link]").forEach(button => {
    const box = button.closest(".share-link");
    const field = box.querySelector("[data-share-url]");
    const status = box.querySelector("[data-copy-status]");
    if (!field || !navigator.clipboard) {
        return;
    }
    button.hidden = false;
    button.addEventListener("click", async () => {
        try {
            await navigator.clipboard.writeText(field.value);
            status.textContent = "链接已复制";
        } catch {
            field.select();
            status.textContent = "请按 Ctrl+C 复制链接";
        }
    });
});
