// The article editor, progressively enhanced: live preview while typing, and a local copy of the form kept in
// this browser (localStorage) until the server has saved it. Without this file the form and the 预览 button work.
(() => {
    const form = document.querySelector("form.article-form");
    if (!form) {
        return;
    }
    const previewButton = form.querySelector("[data-preview]");
    const status = form.querySelector(".local-draft-status");
    const key = "suzhou-news:draft:" + form.dataset.articleId;

    // Live preview: re-render in the preview frame a moment after typing stops.
    let previewTimer;
    const refreshPreview = () => {
        if (previewButton && form.requestSubmit) {
            form.requestSubmit(previewButton);
        }
    };
    form.addEventListener("input", () => {
        clearTimeout(previewTimer);
        previewTimer = setTimeout(refreshPreview, 1200);
    });
    refreshPreview();

    // Local copy: every few seconds after a change; cleared once a save goes through (a non-conflict page load).
    const fields = () => Array.from(form.elements).filter(e => e.name && e.name.startsWith("Input.") && e.type !== "hidden");
    const snapshot = () => {
        const values = {};
        for (const e of fields()) {
            if (e.type === "checkbox") {
                values[e.name + "=" + e.value] = e.checked;
            } else {
                values[e.name] = e.value;
            }
        }
        return values;
    };
    const apply = values => {
        for (const e of fields()) {
            if (e.type === "checkbox") {
                const v = values[e.name + "=" + e.value];
                if (typeof v === "boolean") {
                    e.checked = v;
                }
            } else if (typeof values[e.name] === "string") {
                e.value = values[e.name];
            }
        }
    };
    const initial = JSON.stringify(snapshot());
    let saved;
    try {
        saved = JSON.parse(localStorage.getItem(key) || "null");
    } catch {
        saved = null;
    }
    if (saved && JSON.stringify(saved.values) !== initial && status) {
        const restore = document.createElement("button");
        restore.type = "button";
        restore.className = "button";
        restore.textContent = "恢复本机未保存的草稿（" + new Date(saved.at).toLocaleString("zh-CN") + "）";
        restore.addEventListener("click", () => {
            apply(saved.values);
            restore.remove();
            refreshPreview();
        });
        status.before(restore);
    }
    let dirty = false;
    form.addEventListener("input", () => { dirty = true; });
    setInterval(() => {
        if (!dirty) {
            return;
        }
        dirty = false;
        try {
            localStorage.setItem(key, JSON.stringify({ at: Date.now(), values: snapshot() }));
            if (status) {
                status.textContent = "已在本机暂存 " + new Date().toLocaleTimeString("zh-CN");
            }
        } catch {
            // Storage full or disabled: the server save still works.
        }
    }, 5000);
    form.addEventListener("submit", event => {
        const submitter = event.submitter;
        if (!submitter || !submitter.hasAttribute("data-preview")) {
            // The server answers with the form again on a validation error or conflict, so the copy stays until then.
            sessionStorage.setItem("suzhou-news:saving", key);
        }
    });
    if (!document.querySelector(".conflict, .field-error:not(:empty), .validation-summary-errors") && sessionStorage.getItem("suzhou-news:saving")) {
        localStorage.removeItem(sessionStorage.getItem("suzhou-news:saving"));
        sessionStorage.removeItem("suzhou-news:saving");
    }
})();
