// Media library: a "复制" button beside each Markdown snippet. Without JavaScript the snippet is a readonly
// field the user selects and copies by hand.
(function () {
    "use strict";
    document.querySelectorAll(".snippet-text").forEach(function (input) {
        input.addEventListener("focus", function () { input.select(); });
        if (!navigator.clipboard) {
            return;
        }
        var button = document.createElement("button");
        button.type = "button";
        button.className = "button copy-button";
        button.textContent = "复制";
        button.addEventListener("click", function () {
            navigator.clipboard.writeText(input.value).then(function () {
                button.textContent = "已复制";
                setTimeout(function () { button.textContent = "复制"; }, 2000);
            });
        });
        input.insertAdjacentElement("afterend", button);
    });
})();
