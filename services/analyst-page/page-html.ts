/**
 * The analyst page's one HTML document. Static: every value from the register is put in by the
 * scripts as text. Scripts and styles are files of this origin (the CSP allows nothing inline).
 */

const dateField = (id: string, hint: string): string => `
      <div class="field">
        <label for="${id}"><span lang="ja">基準日</span> As of</label>
        <input id="${id}" name="${id}" type="date" aria-describedby="${id}-hint">
        <span id="${id}-hint" class="hint">${hint}</span>
      </div>`;

const figure = (id: string, ja: string, en: string, alt: string): string => `
      <figure class="chart" aria-labelledby="caption-${id}">
        <figcaption id="caption-${id}"><span lang="ja">${ja}</span> ${en}</figcaption>
        <div class="canvas-box"><canvas id="chart-${id}" role="img" aria-label="${alt} The same numbers are in the table below the chart."></canvas></div>
        <details><summary>Table of the data / <span lang="ja">データ表</span></summary><div id="table-${id}"></div></details>
      </figure>`;

export const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Resident register — analyst page / 在留外国人登録 分析</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/app/style.css">
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="banner">
  <h1><span lang="ja">中長期在留者登録 分析ページ</span> <span class="en">Resident register — analyst page</span></h1>
  <div id="account" hidden><button id="sign-out" type="button">Sign out / <span lang="ja">サインアウト</span></button></div>
</header>
<nav id="nav" aria-label="Sections" hidden>
  <a href="#lookup">Resident lookup / <span lang="ja">在留者検索</span></a>
  <a href="#lapses">Address-lapse list / <span lang="ja">住居地届出不履行</span></a>
  <a href="#charts">Charts / <span lang="ja">統計</span></a>
</nav>
<main id="main" tabindex="-1">
  <section id="signin" aria-labelledby="signin-title">
    <h2 id="signin-title">Sign in / <span lang="ja">サインイン</span></h2>
    <form id="signin-form">
      <div class="field">
        <label for="token">Analyst token / <span lang="ja">分析官トークン</span></label>
        <input id="token" name="token" type="password" autocomplete="off" spellcheck="false" required minlength="16" aria-describedby="token-hint signin-error">
        <span id="token-hint" class="hint">Kept in this tab only (sessionStorage) and sent as a bearer token to /graphql.</span>
      </div>
      <button type="submit">Sign in</button>
      <p id="signin-error" class="error" role="alert"></p>
    </form>
    <noscript><p class="error">This page needs JavaScript (served by the register itself; nothing from elsewhere).</p></noscript>
  </section>

  <div id="app" hidden>
  <section id="lookup" aria-labelledby="lookup-title">
    <h2 id="lookup-title">Resident lookup / <span lang="ja">在留者検索</span></h2>
    <form id="lookup-form" role="search" aria-labelledby="lookup-title">
      <div class="field">
        <label for="query">Resident id or residence card number / <span lang="ja">登録ID・在留カード番号</span></label>
        <input id="query" name="query" type="search" required spellcheck="false" autocomplete="off" aria-describedby="query-hint" placeholder="AB12345678CD">
        <span id="query-hint" class="hint">A UUID, or a card number of 2 letters, 8 digits, 2 letters (Art. 19-4(1)(v)).</span>
      </div>
      ${dateField('as-of', 'Empty: today. Changing the date shows the status at the end of that day (JST).')}
      <button type="submit">Look up</button>
    </form>
    <p id="lookup-status" role="status" aria-live="polite"></p>
    <div id="resident"></div>
    <div id="timeline" class="scroll"></div>
  </section>

  <section id="lapses" aria-labelledby="lapses-title">
    <h2 id="lapses-title">Address-lapse list / <span lang="ja">住居地届出の不履行（取消し事由）</span> <span class="article">(Art. 22-4(1)(viii), (ix))</span></h2>
    <form id="lapses-form" aria-labelledby="lapses-title">
      ${dateField('lapses-as-of', 'Empty: today.')}
      <div class="field">
        <label for="lapses-municipality">Municipality code / <span lang="ja">市区町村コード</span></label>
        <input id="lapses-municipality" name="municipality" inputmode="numeric" pattern="[0-9]{6}" maxlength="6" aria-describedby="lapses-municipality-hint">
        <span id="lapses-municipality-hint" class="hint">6 digits; empty for the whole country / <span lang="ja">空欄で全国</span>.</span>
      </div>
      <div class="field">
        <label for="lapses-ground">Ground / <span lang="ja">取消し事由</span></label>
        <select id="lapses-ground" name="ground">
          <option value="">Both (viii) and (ix)</option>
          <option value="VIII">(viii) no residence within 90 days of landing</option>
          <option value="IX">(ix) no new residence within 90 days of leaving one</option>
        </select>
      </div>
      <div class="field">
        <label for="lapses-size">Rows per page</label>
        <input id="lapses-size" name="size" type="number" min="1" max="100" value="20" required>
      </div>
      <button type="submit">Show list</button>
    </form>
    <p id="lapses-status" role="status" aria-live="polite"></p>
    <div id="lapses-table" class="scroll"></div>
    <div class="pager" role="group" aria-label="Pages of the list">
      <button id="lapses-prev" type="button" disabled>Previous page</button>
      <span id="lapses-page" aria-live="polite"></span>
      <button id="lapses-next" type="button" disabled>Next page</button>
      <button id="lapses-csv" type="button" disabled>Export CSV (all pages)</button>
      <progress id="csv-progress" hidden aria-label="CSV export progress"></progress>
    </div>
    <p id="csv-status" role="status" aria-live="polite"></p>
  </section>

  <section id="charts" aria-labelledby="charts-title">
    <h2 id="charts-title">Charts / <span lang="ja">統計</span></h2>
    <form id="charts-form" aria-labelledby="charts-title">
      ${dateField('charts-as-of', 'Empty: today. Counts of mid-to-long-term residents at the end of that day; the lines cover the year before it.')}
      <button type="submit">Draw charts</button>
    </form>
    <p id="charts-status" role="status" aria-live="polite"></p>
    <div class="charts">
      ${figure('status', '在留資格別', 'Residents by status of residence', 'Bar chart of mid-to-long-term residents by status of residence.')}
      ${figure('prefecture', '都道府県別', 'Residents by prefecture', 'Bar chart of mid-to-long-term residents by prefecture.')}
      ${figure('lapses', '取消し事由（住居地）の推移', 'Address-lapse grounds over time, Art. 22-4(1)(viii), (ix)', 'Line chart of residents with an address-lapse ground at each month end.')}
      ${figure('overdue', '届出期限徒過の推移', 'Overdue notifications over time, by article', 'Bar chart of residents with an overdue notification at each month end, by article.')}
    </div>
  </section>
  </div>
</main>
<footer><p>Every personal-data read through this page is recorded in the register's audit log (Art. 19-36(3)).</p></footer>
<script src="/app/vendor/chart.umd.js"></script>
<script type="module" src="/app/main.js"></script>
</body>
</html>
`;
