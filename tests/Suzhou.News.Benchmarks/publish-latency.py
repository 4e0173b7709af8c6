#!/usr/bin/env python3
"""Publish-to-visible latency: signs in to the newsroom, writes and publishes an article through the real forms,
then polls the home page until its title shows. Prints one line per try and the median.
  publish-latency.py BASE EMAIL PASSWORD [TRIES]"""
import http.cookiejar, re, statistics, sys, time, urllib.parse, urllib.request

base, email, password = sys.argv[1:4]
tries = int(sys.argv[4]) if len(sys.argv) > 4 else 5
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

def get(path):
    with opener.open(base + path) as r:
        return r.read().decode("utf-8"), r.geturl()

def post(path, fields):
    data = urllib.parse.urlencode(fields).encode()
    with opener.open(urllib.request.Request(base + path, data=data)) as r:
        return r.read().decode("utf-8"), r.geturl()

def token(html):
    return re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', html).group(1)

html, _ = get("/admin/account/login")
_, landed = post("/admin/account/login", {"Input.Email": email, "Input.Password": password, "__RequestVerificationToken": token(html)})
if "/admin/account/login" in landed:
    sys.exit("sign-in failed for " + email)

results = []
for i in range(tries):
    form, _ = get("/admin/articles/new")
    select = re.search(r'<select[^>]*name="Input.ChannelId".*?</select>', form, re.S).group(0)
    channel = re.search(r'<option value="(\d+)"', select).group(1)
    title = f"测速稿件 {int(time.time() * 1000) % 10_000_000} 第{i + 1}篇"
    _, edit_url = post("/admin/articles/new", {
        "__RequestVerificationToken": token(form), "Input.Title": title, "Input.ChannelId": channel,
        "Input.Body": "宿州市今天开展发布时延测试。" * 40, "Input.Reporters": "测速", "Input.Source": "拂晓报"})
    number = re.search(r"/admin/articles/(\d+)/edit", edit_url)
    if not number:
        sys.exit("saving the draft did not lead to its editor: " + edit_url)
    workflow, _ = get(f"/admin/articles/{number.group(1)}/workflow")
    started = time.perf_counter()
    post(f"/admin/articles/{number.group(1)}/workflow?handler=Publish", {"__RequestVerificationToken": token(workflow)})
    published = time.perf_counter()
    while title not in urllib.request.urlopen(base + "/").read().decode("utf-8"):
        if time.perf_counter() - started > 10:
            sys.exit(f"not visible on the home page after 10 s: {title}")
        time.sleep(0.005)
    visible = time.perf_counter()
    results.append((visible - published) * 1000)
    print(f"try {i + 1}: publish request {(published - started) * 1000:.0f} ms, then visible on / after {results[-1]:.0f} ms", flush=True)
print(f"publish-to-visible median: {statistics.median(results):.0f} ms (after the publish request returned)")
