/// `/static/studio.css`: one small stylesheet, system fonts, readable on a 360 px phone and on a desktop. Colours
/// keep at least 4.5:1 contrast; focus is always visible.
enum StudioStylesheet {
    static let css = """
        :root{--ink:#1f2328;--muted:#4a5159;--line:#c9ced6;--bg:#fff;--soft:#f4f5f7;--accent:#a40f16;--link:#0b57a4;--ok:#17663a;--warn:#8a4b00}
        *{box-sizing:border-box}
        body{margin:0;font:16px/1.6 system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:var(--ink);background:var(--bg)}
        a{color:var(--link)}
        a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible,summary:focus-visible{outline:3px solid #1a73e8;outline-offset:2px}
        .skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem}
        .skip:focus{left:.5rem;z-index:10}
        .bar{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1.25rem;padding:.6rem 1rem;border-bottom:3px solid var(--accent);background:var(--soft)}
        .bar p{margin:0}
        .site a{font-weight:700;color:var(--accent);text-decoration:none}
        .who{color:var(--muted)}
        .roles{margin-left:.5rem;font-size:.875rem}
        nav{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem;margin-left:auto}
        nav ul{display:flex;flex-wrap:wrap;gap:.25rem .75rem;margin:0;padding:0;list-style:none}
        nav a{display:inline-block;padding:.35rem .25rem}
        nav a[aria-current=page]{font-weight:700;color:var(--ink)}
        nav form{margin:0}
        main{max-width:60rem;margin:0 auto;padding:1rem}
        h1{font-size:1.5rem;margin:.5rem 0 1rem}
        label{display:block;font-weight:600;margin:.75rem 0 .25rem}
        input,select,textarea{font:inherit;width:100%;max-width:40rem;padding:.45rem .6rem;border:1px solid #6b737d;border-radius:4px;background:#fff;color:var(--ink)}
        input[type=checkbox],input[type=radio]{width:auto}
        textarea{min-height:12rem}
        button,.button{font:inherit;display:inline-block;padding:.45rem 1rem;border:1px solid var(--accent);border-radius:4px;background:var(--accent);color:#fff;cursor:pointer;text-decoration:none}
        button.secondary,.button.secondary{background:#fff;color:var(--accent)}
        nav button{background:#fff;color:var(--accent);padding:.3rem .8rem}
        .hint{color:var(--muted);font-size:.875rem;margin:.25rem 0}
        .error,[role=alert]{border-left:4px solid var(--accent);background:#fdf0f0;padding:.5rem .75rem;margin:.75rem 0}
        .notice{border-left:4px solid var(--ok);background:#eef7f1;padding:.5rem .75rem;margin:.75rem 0}
        table{border-collapse:collapse;width:100%}
        th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
        .login{max-width:22rem}
        pre.source{white-space:pre-wrap;overflow-wrap:anywhere;background:#f6f6f6;padding:.5rem;font-size:.9rem}
        .filters label{display:inline-block;margin:.25rem .25rem 0 0}.filters select,.filters input{max-width:100%}
        .workflow form{margin:.5rem 0}.workflow textarea{display:block;width:100%;max-width:30rem}
        .visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
        .content-form .field{margin:.5rem 0 .9rem}.content-form .field textarea{min-height:5rem}#f-body{min-height:14rem}
        .req{font-weight:400;color:var(--muted);font-size:.875rem}
        .help{color:var(--muted);font-size:.875rem;margin:0 0 .25rem}
        ul.errors{margin:.25rem 0;padding:.25rem .75rem .25rem 1.5rem;border-left:4px solid var(--accent);background:#fdf0f0;color:#7a0a10}
        .field.invalid input,.field.invalid select,.field.invalid textarea{border:2px solid var(--accent)}
        fieldset{border:1px solid var(--line);border-radius:4px;margin:.75rem 0;padding:.25rem .9rem .75rem;max-width:44rem}
        fieldset.row{background:var(--soft)}
        legend{font-weight:700;padding:0 .25rem}
        .check{display:flex;align-items:center;gap:.5rem;margin:.35rem 0}.check label{margin:0;font-weight:400}
        .check input{width:1.4rem;height:1.4rem}
        .summary h2{font-size:1.1rem;margin:.25rem 0}
        .note{border-left:4px solid var(--ok);background:#eef7f1;padding:.5rem .75rem;margin:.75rem 0}
        .preview{border:1px dashed var(--line);padding:.5rem 1rem;margin:1rem 0}
        .versions{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:1rem}.versions textarea{min-height:20rem;max-width:none}
        .items li{margin:.35rem 0}.actions{margin:.5rem 0}
        details.advanced{margin:1rem 0;max-width:44rem}details.advanced summary{cursor:pointer;font-weight:600;padding:.35rem 0}
        .buttons{display:flex;flex-wrap:wrap;gap:.5rem;margin:1rem 0}
        .preview-banner{border-left:4px solid #9a3412;background:#fff4e5;padding:.5rem .75rem;margin:.75rem 0}
        iframe.site-preview{display:block;width:100%;height:80vh;border:1px solid var(--line);background:#fff}
        @media (max-width:40rem){nav{margin-left:0;width:100%}main{padding:.75rem}table,thead,tbody,tr,th,td{display:block}thead{position:absolute;left:-999px}td{border:0;padding:.15rem 0}tr{border-bottom:1px solid var(--line);padding:.5rem 0}}
        """
}
