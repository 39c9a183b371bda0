# ruff: noqa: E501  (Chinese text: ruff counts each character as two columns)
"""The demo content of Yulan, taken from the federation's own 2020 review.

Sources (``shared/seeds/``): 《常州女性》图说2020 (the city federation, 常州市妇联) and the 2020
report of the 金坛区 federation. The wording is theirs wherever they have it; short summaries
are written in their style where they have none. Editors may change anything here and run
``manage.py load_demo`` again: it updates what changed and adds nothing twice.

How to read this file
- Everything is plain lists and dictionaries. Text in quotes is what visitors see.
- Dates of classes, campaigns and articles are *days from today* (``-20`` is twenty days ago,
  ``14`` is in two weeks), so the demo never looks stale. Honours keep their real year.
- Bodies are lists of blocks: ``("heading", "...")``, ``("paragraph", "...")`` or
  ``("quote", "...", "who said it")``.
- Organization units, venues, categories and images are referred to by their name.
- Names of people and families appear only on the honour roll, because they were publicly
  honoured (see ``shared/seeds/README.md``). Classes name instructors by their role.
"""

# ---------------------------------------------------------------------------------------------
# Organization units: the city federation > 6 辖市区 and 常州经开区 > streets/towns > communities
# ---------------------------------------------------------------------------------------------

CITY = {"name": "常州市妇联", "short_name": "常州市"}

# "整合全市6个辖市区和常州经开区": the seven district-level federations.
DISTRICTS = [
    {"name": "溧阳市妇联", "short_name": "溧阳市"},
    {"name": "金坛区妇联", "short_name": "金坛区"},
    {"name": "武进区妇联", "short_name": "武进区"},
    {"name": "新北区妇联", "short_name": "新北区"},
    {"name": "天宁区妇联", "short_name": "天宁区"},
    {"name": "钟楼区妇联", "short_name": "钟楼区"},
    {"name": "常州经开区妇联", "short_name": "常州经开区"},
]

# Streets and towns the seeds name, each under its district.
STREETS = [
    # "常州市天宁区红梅街道北环新村社区"
    {"name": "红梅街道妇联", "short_name": "红梅街道", "district": "天宁区"},
    # "天宁区茶山街道华润国际社区"
    {"name": "茶山街道妇联", "short_name": "茶山街道", "district": "天宁区"},
    # "天宁区雕庄街道菱溪社区"
    {"name": "雕庄街道妇联", "short_name": "雕庄街道", "district": "天宁区"},
    # "新北区三井街道秦岭社区"
    {"name": "三井街道妇联", "short_name": "三井街道", "district": "新北区"},
    # "全员参与河海街道一线志愿服务": the seed gives no district; 河海街道 is in 新北区.
    {"name": "河海街道妇联", "short_name": "河海街道", "district": "新北区"},
    # "丁堰街道督查工作": the seed gives no district. 丁堰街道 belongs to 武进区 on paper but has
    # been administered by 常州经开区 since 2015, so its federation is placed under the 经开区.
    # Unsure: move it under 武进区 if the federation's own tree says so.
    {"name": "丁堰街道妇联", "short_name": "丁堰街道", "district": "常州经开区"},
    # "茅山老区朱林镇" in the 金坛区 report.
    {"name": "朱林镇妇联", "short_name": "朱林镇", "district": "金坛区"},
]

# Communities the seeds name, each under its street.
COMMUNITIES = [
    {"name": "北环新村社区", "street": "红梅街道"},
    {"name": "华润国际社区", "street": "茶山街道"},
    {"name": "菱溪社区", "street": "雕庄街道"},
    {"name": "秦岭社区", "street": "三井街道"},
]

# ---------------------------------------------------------------------------------------------
# Venues. Kinds: class_site (分课堂点), womens_home (妇女微家), family_home (妇女儿童之家),
# service_centre (服务中心), base (基地).
# Addresses are the seeds' own where they give one; otherwise the place as the seeds name it.
# Opening hours are demo values, not from the seeds. Coordinates are left empty (no reliable
# source); editors can add them. Only public numbers: the 12338 women's rights hotline and the
# 《常州女性》editorial office (0519-85683822). No personal phone numbers.
# ---------------------------------------------------------------------------------------------

OFFICE_PHONE = "0519-85683822"
HOTLINE = "12338"

VENUES = [
    {
        "name": "幸福种子亲子阅读中心",
        "kind": "base",
        # Run by 红溪实验幼儿园 of the city federation; filed under 天宁区, where it is, so that
        # the district filter finds it.
        "unit": "天宁区",
        "address": "天宁区尚东花园69号",
        "opening_hours": "周六、周日 9:00–11:30（活动以预约为准）",
        "description": (
            "全国家庭亲子阅读体验基地，常州市首家在全市推广0-7岁亲子阅读的体验基地。"
            "举办亲子读书会、“朗读者课堂”、故事爸妈进课堂、伴爱阅读21天等活动。"
        ),
        "image": "示例图·粉白书香",
    },
    {
        "name": "茶山街道华润国际社区妇女儿童之家",
        "kind": "family_home",
        "unit": "华润国际社区",
        "address": "天宁区茶山街道华润国际剑桥澜湾26幢东首",
        "opening_hours": "周一至周五 9:00–17:00，周六 9:00–11:30",
        "description": (
            "依托常州市天宁区萌宝亲亲优育服务中心的资源平台，每年开展微恩读书会、竹兜育儿亲子阅读会等"
            "家庭亲子阅读活动，营造有利于儿童健康成长的社区环境。"
        ),
        "image": "示例图·花瓣家风",
    },
    {
        "name": "常州市妇女儿童活动中心",
        "kind": "base",
        "unit": "常州市",
        # The seeds give no street address.
        "address": "常州市区（详细地址以中心公告为准）",
        "opening_hours": "周二至周日 8:30–17:00",
        "contact_phone": OFFICE_PHONE,
        "description": (
            "常州市妇联下属事业单位，集校外教育、家庭教育、未成年人思想道德建设、维权服务、女性培训、"
            "创业服务等多功能一体化的教育服务中心；全国家庭教育创新实践基地。"
        ),
        "image": "示例图·玉兰花影",
    },
    {
        "name": "常州市妇女儿童权益保障服务中心",
        "kind": "service_centre",
        "unit": "常州市",
        # The seeds give no street address.
        "address": "常州市区（详细地址以中心公告为准）",
        "opening_hours": "周一至周五 8:30–17:00（12338 热线全天受理）",
        "contact_phone": HOTLINE,
        "description": (
            "全省首家提供专业妇儿维权服务的公益机构，建有法官、检察官、律师和心理咨询师等167人的专家志愿者队伍，"
            "年均接访1000件左右。2020年创立“常阿姐”调解品牌。"
        ),
        "image": "示例图·霞光同行",
    },
    {
        "name": "菱溪社区家事调解工作室",
        "kind": "service_centre",
        "unit": "菱溪社区",
        "address": "天宁区雕庄街道菱溪社区",
        "opening_hours": "周一至周五 9:00–17:00",
        "description": (
            "吸纳社区“三官两师”专业调解力量以及网格员、“常阿姐”巾帼志愿调解员，实施“335”调解工作机制，"
            "参与调解婚姻家庭纠纷135起。"
        ),
    },
    {
        "name": "秦岭社区维度空间婚姻家庭纠纷调解室",
        "kind": "service_centre",
        "unit": "秦岭社区",
        "address": "新北区三井街道秦岭社区",
        "opening_hours": "周一至周五 9:00–17:00",
        "description": (
            "实施“四维”调解工作法（维心、维情、维力、维智），实现专业调解事前介入、事中调解、事后跟踪；"
            "社区“家调志愿花”队伍服务基层妇女维权和家事调解。"
        ),
    },
    {
        "name": "三井派出所老周道调解室",
        "kind": "service_centre",
        "unit": "三井街道",
        "address": "新北区三井街道 常州市公安局高新区（新北）分局三井派出所",
        "opening_hours": "24 小时",
        "description": (
            "2015年11月挂牌成立，采取“3+4+N”调解方式：3名调解辅警24小时值班，4名特聘人民调解员参与日常调解，"
            "N名司法所、法院、律师事务所等工作人员作为后备力量。"
        ),
    },
    {
        "name": "金坛区婚姻家庭指导驿站",
        "kind": "service_centre",
        "unit": "金坛区",
        # The seed names the station but not its address.
        "address": "金坛区（详细地址以区妇联公告为准）",
        "opening_hours": "周一至周五 8:30–17:00",
        "description": "组建9个家庭纠纷调解基层平台，向村（社区）辐射，形成“1+9+X”的三级联动家庭纠纷调解格局。",
    },
    {
        "name": "金坛区少儿图书馆",
        "kind": "base",
        "unit": "金坛区",
        "address": "金坛区（详细地址以图书馆公告为准）",
        "opening_hours": "周二至周日 9:00–17:00",
        "description": "首批江苏省家庭亲子阅读体验基地。",
        "image": "示例图·粉白书香",
    },
    {
        "name": "茅驴志愿者协会妇女微家",
        "kind": "womens_home",
        "unit": "金坛区",
        "address": "金坛区茅山（详细地址以区妇联公告为准）",
        "opening_hours": "周六、周日 9:00–16:00",
        "description": "茅驴志愿者协会妇联在这里实施“微家”不微——困境妇女服务项目。",
    },
    # A few of the 64 分课堂点 of 玉兰芬芳·WOMEN课堂, spread over the districts. The seeds do not
    # list the sites; these are placed at communities and federations the seeds name.
    {
        "name": "玉兰芬芳·WOMEN课堂菱溪社区分课堂",
        "kind": "class_site",
        "unit": "菱溪社区",
        "address": "天宁区雕庄街道菱溪社区",
        "opening_hours": "以课程安排为准",
        "image": "示例图·紫晕茶香",
    },
    {
        "name": "玉兰芬芳·WOMEN课堂北环新村社区分课堂",
        "kind": "class_site",
        "unit": "北环新村社区",
        "address": "天宁区红梅街道北环新村社区",
        "opening_hours": "以课程安排为准",
    },
    {
        "name": "玉兰芬芳·WOMEN课堂秦岭社区分课堂",
        "kind": "class_site",
        "unit": "秦岭社区",
        "address": "新北区三井街道秦岭社区",
        "opening_hours": "以课程安排为准",
    },
    {
        "name": "玉兰芬芳·WOMEN课堂钟楼区分课堂",
        "kind": "class_site",
        "unit": "钟楼区",
        "address": "钟楼区（具体地点见报名通知）",
        "opening_hours": "以课程安排为准",
        "image": "示例图·梅紫暖心",
    },
    {
        "name": "玉兰芬芳·WOMEN课堂武进区分课堂",
        "kind": "class_site",
        "unit": "武进区",
        "address": "武进区（具体地点见报名通知）",
        "opening_hours": "以课程安排为准",
    },
    {
        "name": "玉兰芬芳·WOMEN课堂溧阳市分课堂",
        "kind": "class_site",
        "unit": "溧阳市",
        "address": "溧阳市（具体地点见报名通知）",
        "opening_hours": "以课程安排为准",
    },
    {
        "name": "玉兰芬芳·WOMEN课堂朱林镇分课堂",
        "kind": "class_site",
        "unit": "朱林镇",
        "address": "金坛区朱林镇（具体地点见报名通知）",
        "opening_hours": "以课程安排为准",
    },
    {
        "name": "玉兰芬芳·WOMEN课堂丁堰街道分课堂",
        "kind": "class_site",
        "unit": "丁堰街道",
        "address": "常州经开区丁堰街道（具体地点见报名通知）",
        "opening_hours": "以课程安排为准",
    },
]

# ---------------------------------------------------------------------------------------------
# Class categories of 玉兰芬芳·WOMEN课堂 (slugs are used in links)
# ---------------------------------------------------------------------------------------------

CATEGORIES = [
    {"name": "茶艺", "slug": "tea-art"},
    {"name": "戏剧", "slug": "drama"},
    {"name": "书法", "slug": "calligraphy"},
    {"name": "家政", "slug": "housekeeping"},
    {"name": "亲子阅读", "slug": "parent-child-reading"},
    {"name": "家庭教育", "slug": "family-education"},
    {"name": "法律", "slug": "law"},
    {"name": "心理健康", "slug": "mental-health"},
    {"name": "女性成长", "slug": "womens-growth"},
]

# ---------------------------------------------------------------------------------------------
# Pages: the home page and its four sections
# ---------------------------------------------------------------------------------------------

HOME = {
    "title": "玉兰芬芳 · 常州市妇联",
    "hero_title": "玉兰芬芳",
    "hero_subtitle": "常阿姐·常在你身边——做妇女群众信得过、靠得住、离不开的娘家人",
    "summary": "常州市妇联的课程、活动与志愿服务平台：报名玉兰芬芳·WOMEN课堂，参加暖心行动，认识身边的巾帼榜样。",
    "image": "示例图·玉兰晨光",
    # Highlight figures (at most 8): value, unit, label.
    "figures": [
        ("624", "个", "“妇女微家”阵地"),
        ("64", "个", "玉兰芬芳·WOMEN课堂分课堂点"),
        ("近千", "场", "WOMEN课堂课程"),
        ("1028", "个", "村（社区）妇联"),
        ("1020", "名", "未成年人观察员"),
        ("167", "人", "专家志愿者"),
        ("302", "万元", "暖心行动捐款捐物"),
        ("6", "万人次", "暖心课参与学习"),
    ],
    # Featured pages, by section and slug.
    "features": [
        ("classes", "tea-art"),
        ("classes", "drama"),
        ("campaigns", "warm-heart-actions"),
        ("campaigns", "99-giving-day"),
        ("articles", "smart-governance-platform"),
        ("articles", "chang-a-jie"),
    ],
}

SECTIONS = [
    {
        "type": "classes",
        "slug": "classes",
        "title": "玉兰芬芳·WOMEN课堂",
        "summary": "全市64个分课堂点，开设课程近千场：茶艺、戏剧、书法、家政、亲子阅读……总有一堂课适合你。",
        "intro": "提升玉兰芬芳·WOMEN课堂品质，开发全市课堂云导览，设立64个分课堂点，开设课程近千场。",
        "image": "示例图·玉兰花影",
    },
    {
        "type": "campaigns",
        "slug": "campaigns",
        "title": "行动与项目",
        "summary": "六大暖心行动、四大行动计划、妇女儿童公益项目和募捐活动。",
        "intro": (
            "1场同心战疫，致敬巾帼奋斗者；2个使命在肩，心系妇儿办实事；3项重点攻坚，携手打造新高地；"
            "4大行动计划，聚焦主业齐发力。"
        ),
        "image": "示例图·梅紫暖心",
    },
    {
        "type": "articles",
        "slug": "articles",
        "title": "成果聚焦",
        "summary": "全国有亮点，全省有突破，全市有影响。",
        "intro": "常州市妇联和各级妇联的工作动态与成果。",
        "image": "示例图·花瓣家风",
    },
    {
        "type": "honours",
        "slug": "honours",
        "title": "光荣榜",
        "summary": "致敬最美巾帼奋斗者：先进个人、最美家庭和先进集体。",
        "intro": "在疫情防控、家庭建设、创业创新中涌现的三八红旗手、最美家庭和先进集体。",
        "image": "示例图·月白荣光",
    },
]

# ---------------------------------------------------------------------------------------------
# Classes of 玉兰芬芳·WOMEN课堂. "starts": days from today; "weeks": how long it runs.
# The term (e.g. 2026 年秋季班) is computed from the first day.
# ---------------------------------------------------------------------------------------------

CLASSES = [
    {
        "slug": "tea-art",
        "title": "玉兰芬芳·WOMEN课堂 茶艺班",
        "category": "茶艺",
        "venue": "玉兰芬芳·WOMEN课堂菱溪社区分课堂",
        "audience": "社区女性、职场女性",
        "instructor": "茶艺师（巾帼志愿者讲师）",
        "instructor_bio": "持有茶艺师职业技能证书的巾帼志愿者，长期在社区分课堂授课。",
        "starts": -14,
        "weeks": 8,
        "schedule": "每周三 14:00–16:00，共 8 次",
        "summary": "以茶会友，品味生活：从识茶、泡茶到茶席布置，在一盏清茶里感受传统文化之美。",
        "image": "示例图·紫晕茶香",
        "body": [
            ("heading", "课程介绍"),
            (
                "paragraph",
                "茶艺班是玉兰芬芳·WOMEN课堂的特色课程之一。课程从认识茶类讲起，学习绿茶、红茶的冲泡方法和茶席布置，"
                "引导学员在一盏清茶中修身养性、涵养家风。",
            ),
            ("heading", "报名须知"),
            (
                "paragraph",
                "课程免费，名额有限，请通过“常州女性”微信公众号或本平台报名，报名成功后按时到分课堂点签到。",
            ),
        ],
    },
    {
        "slug": "drama",
        "title": "玉兰芬芳·WOMEN课堂 戏剧班",
        "category": "戏剧",
        "venue": "玉兰芬芳·WOMEN课堂钟楼区分课堂",
        "audience": "热爱表演的女性和亲子家庭",
        "instructor": "“家风小剧场”编导老师",
        "starts": 10,
        "weeks": 10,
        "schedule": "每周六 9:30–11:30，共 10 次",
        "summary": "走上“家风小剧场”的舞台，用戏剧讲好身边的家风故事。",
        "image": "示例图·梅紫暖心",
        "body": [
            ("heading", "课程介绍"),
            (
                "paragraph",
                "戏剧班以“家风小剧场”为依托，学员在形体、台词和即兴表演练习中排演家风短剧，"
                "结业后可参加“家风小剧场”巡演，以优良家风涵养时代新风。",
            ),
            ("paragraph", "零基础可报名；亲子家庭可以一起参加，共同排演一出家庭小戏。"),
        ],
    },
    {
        "slug": "smart-parents",
        "title": "“智慧父母”家庭教育课堂",
        "category": "家庭教育",
        "venue": "常州市妇女儿童活动中心",
        "audience": "0–12 岁孩子的家长",
        "instructor": "家庭教育指导师（专家志愿者）",
        "starts": -21,
        "weeks": 6,
        "schedule": "每周日 15:00–16:30，共 6 次",
        "summary": "“智慧父母”成长支持计划的线下课堂：科学家教进万家，做孩子成长路上的智慧父母。",
        "image": "示例图·玉兰花影",
        "body": [
            ("heading", "课程介绍"),
            (
                "paragraph",
                "常州市妇联启动“智慧父母”成长支持计划，高质量开展“科学家教进万家”巡讲，切实加强家庭教育指导服务。"
                "本期课堂由家庭教育指导师和专家志愿者授课，围绕亲子沟通、习惯养成、情绪管理等家长关心的话题，"
                "帮助家长注重家庭、注重家教、注重家风。",
            ),
            ("heading", "上课地点"),
            ("paragraph", "常州市妇女儿童活动中心，全国家庭教育创新实践基地。"),
        ],
    },
    {
        "slug": "story-parents",
        "title": "“故事爸妈进课堂”亲子阅读会",
        "category": "亲子阅读",
        "venue": "幸福种子亲子阅读中心",
        "audience": "0–7 岁幼儿及家长",
        "instructor": "故事爸妈志愿者",
        "starts": -7,
        "weeks": 8,
        "schedule": "每周六 10:00–11:00，共 8 次",
        "summary": "爸爸妈妈走进课堂讲故事，在共读中陪伴孩子成长。",
        "image": "示例图·粉白书香",
        "body": [
            (
                "paragraph",
                "幸福种子亲子阅读中心是全国家庭亲子阅读体验基地，也是常州市首家在全市推广0-7岁亲子阅读的体验基地。"
                "“故事爸妈进课堂”邀请爸爸妈妈当志愿者，为孩子们讲绘本故事。",
            ),
            (
                "paragraph",
                "活动延续“宝宝看哪本读书会”“伴爱阅读21天”等深受欢迎的亲子阅读活动，让父母与孩子共同学习、共同成长。",
            ),
        ],
    },
    {
        "slug": "housekeeping",
        "title": "“常阿姐”巾帼家政培训班",
        "category": "家政",
        "venue": "玉兰芬芳·WOMEN课堂武进区分课堂",
        "audience": "有意从事家政服务的女性",
        "instructor": "巾帼家政培训讲师",
        "starts": 14,
        "weeks": 4,
        "schedule": "每周二、四 9:00–11:30，共 8 次",
        "summary": "实施“巾帼家政”提质扩容计划，健全家政人才培训体系，促进巾帼家庭服务业品质发展。",
        "image": "示例图·霞光同行",
        "body": [
            ("heading", "课程介绍"),
            (
                "paragraph",
                "2020年，市妇联开展“常阿姐”巾帼家政培训班共4期，培训200人次。"
                "本期培训班围绕母婴护理、居家保洁、老人照护等内容，理论学习与实操练习相结合，帮助学员提升技能、稳定就业。",
            ),
        ],
    },
    {
        "slug": "calligraphy",
        "title": "“初心守望·家风传承”少儿书法班",
        "category": "书法",
        "venue": "玉兰芬芳·WOMEN课堂溧阳市分课堂",
        "audience": "7–12 岁少年儿童",
        "instructor": "书法教师（巾帼志愿者）",
        "starts": -30,
        "weeks": 12,
        "schedule": "每周六 14:00–15:30，共 12 次",
        "summary": "一笔一画写家训，在翰墨书香中传承好家风。",
        "image": "示例图·花瓣家风",
        "body": [
            (
                "paragraph",
                "延续“初心守望·家风传承”常州市少儿书法大赛，书法班从楷书基本笔画学起，引导孩子书写家风家训格言，"
                "从良好家风家训中汲取正能量，争当德智体美劳全面发展的时代新人。",
            ),
        ],
    },
    {
        "slug": "civil-code",
        "title": "“法律进家庭”民法典学习课",
        "category": "法律",
        "venue": "玉兰芬芳·WOMEN课堂秦岭社区分课堂",
        "audience": "社区居民、妇女群众",
        "instructor": "律师（专家志愿者）",
        "starts": -3,
        "weeks": 4,
        "schedule": "每周四 19:00–20:30，共 4 次",
        "summary": "“常阿姐”带你学《民法典》：婚姻家庭编、继承编里的家事常识。",
        "image": "示例图·霞光同行",
        "body": [
            (
                "paragraph",
                "市妇联深入推进“法律进家庭”工作。本课程由法官、检察官、律师等专家志愿者授课，结合“常阿姐梦入红楼说《民法典》”漫话，"
                "讲解婚姻家庭编、继承编中与家庭生活息息相关的法律知识。",
            ),
            ("paragraph", "帮助妇女群众学法、懂法、用法，依法维护自身合法权益。"),
        ],
    },
    {
        "slug": "sunshine-heart",
        "title": "“心向阳光·筑梦未来”家庭心理健康课",
        "category": "心理健康",
        "venue": "玉兰芬芳·WOMEN课堂北环新村社区分课堂",
        "audience": "家长、社区家庭心理健康信息员",
        "instructor": "心理咨询师（专家志愿者）",
        "starts": 21,
        "weeks": 6,
        "schedule": "每周二 19:00–20:30，共 6 次",
        "summary": "关注青少年儿童心理健康，做孩子身边懂心理的家长。",
        "image": "示例图·玉兰晨光",
        "body": [
            (
                "paragraph",
                "实施“心向阳光·筑梦未来”青少年儿童健康教育“双千”培训计划，培训1000名妇联干部、1000名巾帼志愿者，"
                "打造一支社区家庭心理健康信息员队伍。",
            ),
            (
                "paragraph",
                "本课程面向家长和社区家庭心理健康信息员，学习识别孩子情绪变化、开展亲子沟通和心理疏导的方法。",
            ),
        ],
    },
    {
        "slug": "forty-cloud",
        "title": "“肆拾云端”女性成长课",
        "category": "女性成长",
        "venue": None,  # online
        "audience": "各年龄段女性",
        "instructor": "“金沙听她说”巾帼宣讲团",
        "starts": -10,
        "weeks": 8,
        "schedule": "每周五 20:00–21:00 线上直播，共 8 次",
        "summary": "云端相约，听她说：一堂陪伴女性成长的线上课。",
        "image": "示例图·霞光同行",
        "body": [
            (
                "paragraph",
                "“肆拾云端”女性成长课由金坛区妇联开设，和“微党课”一起引领广大妇女听党话、跟党走。"
                "课程在线上直播，内容涵盖女性职业发展、家庭关系、健康生活等，手机即可收看。",
            ),
        ],
    },
    {
        "slug": "self-protection",
        "title": "“宝贝，听我说”儿童自护故事云课堂",
        "category": "家庭教育",
        "venue": None,  # online
        "audience": "3–10 岁儿童及家长",
        "instructor": "常州市妇女儿童权益保障服务中心志愿者",
        "starts": -5,
        "weeks": 6,
        "schedule": "每周三 19:30 线上播出，共 6 集",
        "summary": "用孩子听得懂的故事，教会孩子保护自己。",
        "image": "示例图·粉白书香",
        "body": [
            (
                "paragraph",
                "“宝贝，听我说”儿童自护故事云课堂以漫话和故事的形式，讲解防走失、防欺凌、居家安全等自我保护知识，"
                "家长可以和孩子一起收听、一起讨论。",
            ),
        ],
    },
    {
        "slug": "homestay",
        "title": "巾帼民宿品质提升班",
        "category": "女性成长",
        "venue": "玉兰芬芳·WOMEN课堂朱林镇分课堂",
        "audience": "民宿女主人、乡村创业女性",
        "instructor": "民宿运营讲师",
        "starts": 28,
        "weeks": 3,
        "schedule": "每周一 9:00–16:00，共 3 次",
        "summary": "为巾帼民宿赋能，培育精品民宿女主人“领头雁”。",
        "image": "示例图·玉兰晨光",
        "body": [
            (
                "paragraph",
                "金坛区妇联举办全区巾帼民宿品质提升培训班，评选10个最美巾帼民宿、最美女管家，"
                "培育兰亭雅居、东岩等精品民宿女主人“领头雁”。",
            ),
            ("paragraph", "本期提升班围绕民宿服务、线上营销和直播推介开展培训。"),
        ],
    },
    {
        "slug": "book-fragrance",
        "title": "“送你一缕书香”亲子阅读活动",
        "category": "亲子阅读",
        "venue": "金坛区少儿图书馆",
        "audience": "亲子家庭",
        "instructor": "“大树下亲子故事会”志愿者",
        "starts": -2,
        "weeks": 6,
        "schedule": "每周日 9:30–10:30，共 6 次",
        "summary": "书香润家风：村（社区）亲子阅读走进金坛的每一个家庭。",
        "image": "示例图·粉白书香",
        "body": [
            (
                "paragraph",
                "2020年，金坛区开展“送你一缕书香”村（社区）亲子阅读活动31场。区图书馆“大树下亲子故事会”"
                "成功申报为省全民阅读推广项目，区少儿图书馆成为首批省家庭亲子阅读体验基地。",
            ),
        ],
    },
    {
        "slug": "family-education-lectures",
        "title": "“科学家教进万家”家庭教育讲座",
        "category": "家庭教育",
        "venue": "玉兰芬芳·WOMEN课堂丁堰街道分课堂",
        "audience": "中小学生家长",
        "instructor": "家庭教育讲师团",
        "starts": 5,
        "weeks": 4,
        "schedule": "每周六 9:30–11:00，共 4 次",
        "summary": "家庭教育指导服务进社区：家长学校开课啦。",
        "image": "示例图·玉兰花影",
        "body": [
            (
                "paragraph",
                "“科学家教进万家”巡讲是市妇联加强家庭教育指导服务的品牌活动。讲座贯彻落实《江苏省家庭教育促进条例》，"
                "围绕家庭监护责任、亲子沟通、青春期教育等内容，为家长答疑解惑。",
            ),
        ],
    },
    {
        "slug": "weien-reading",
        "title": "微恩读书会·亲子共读",
        "category": "亲子阅读",
        "venue": "茶山街道华润国际社区妇女儿童之家",
        "audience": "社区亲子家庭",
        "instructor": "常州市天宁区萌宝亲亲优育服务中心志愿者",
        "starts": 3,
        "weeks": 8,
        "schedule": "每周六 15:00–16:00，共 8 次",
        "summary": "共读让父母与孩子共同学习、共同成长。",
        "image": "示例图·花瓣家风",
        "body": [
            (
                "paragraph",
                "华润国际社区妇女儿童之家每年开展各类家庭亲子阅读活动，通过共读让父母与孩子共同学习、共同成长。"
                "社区引入省妇联“益路友好童伴同行”——“儿童友好型”社区创建项目，通过亲子阅读、亲子律动游戏、"
                "儿童参事议事等活动，完善社区儿童教育多元服务体系。",
            ),
        ],
    },
    {
        "slug": "livestream-farming",
        "title": "巾帼新农人直播助农技能课",
        "category": "女性成长",
        "venue": "玉兰芬芳·WOMEN课堂溧阳市分课堂",
        "audience": "农村妇女、巾帼农业示范基地负责人",
        "instructor": "“丁香助农直播间”主播（巾帼志愿者）",
        "starts": 35,
        "weeks": 4,
        "schedule": "每周三 14:00–16:30，共 4 次",
        "summary": "学直播、会带货，助力巾帼农产品走出乡村。",
        "image": "示例图·霞光同行",
        "body": [
            (
                "paragraph",
                "市妇联创建“丁香助农直播间”，启动“万企联万村·巾帼共走振兴路”行动。"
                "课程教授手机拍摄、直播带货和网店运营，帮助巾帼农业示范基地和女能手拓宽销路，助力乡村振兴。",
            ),
        ],
    },
]

# ---------------------------------------------------------------------------------------------
# Campaigns. Kinds: action_plan, public_benefit, fundraising, theme.
# "days": (first day, last day) from today; last day None = ongoing.
# Indicators: (label, value, unit, target or None).
# ---------------------------------------------------------------------------------------------

CAMPAIGNS = [
    {
        "slug": "warm-heart-actions",
        "title": "“致敬逆行英雄·妇联在你身边”六大暖心行动",
        "kind": "action_plan",
        "organizer": "常州市",
        "days": (-420, -300),
        "summary": "疫情期间，市妇联第一时间实施暖心包、暖心菜、暖心话、暖心画、暖心课、暖心事六大暖心行动，致敬常州抗疫战士。",
        "image": "示例图·梅紫暖心",
        "actions": [
            (
                "暖心包",
                "在疫情初期物资极其紧缺的情况下，积极争取资源，组织捐款捐物302余万元，购买7.6万只口罩、消毒液等暖心包物资，"
                "送到援鄂医护人员家庭、巾帼防疫志愿者、困境家庭等群体手中。",
            ),
            ("暖心菜", "有效运用省妇儿会资源，为常州首批驰援武汉医护人员家庭送暖心菜。"),
            ("暖心话", "征集180多个暖心话短视频，在新媒体平台传递爱的力量。"),
            ("暖心画", "发挥儿童力量，绘制“致敬英雄·为爱加油”暖心画，传递抗“疫”必胜信心。"),
            ("暖心课", "精心设置暖心课线上音视频直播课程，超过6万人次参与学习。"),
            (
                "暖心事",
                "以“携手战疫，妇联在你身边”为主题，组织动员全市各级妇联干部、执委、女性社会组织、巾帼志愿者共做暖心事，"
                "共同撑起战疫半边天。",
            ),
        ],
        "indicators": [
            ("捐款捐物", "302", "万元", None),
            ("口罩", "7.6", "万只", None),
            ("暖心话短视频", "180", "个", None),
            ("暖心课", "6", "万人次", None),
        ],
        "body": [
            (
                "paragraph",
                "疫情期间，市妇联第一时间实施“致敬逆行英雄·妇联在你身边”——暖心包、暖心菜、暖心话、暖心画、暖心课、暖心事六大暖心行动。",
            ),
            ("heading", "共同战疫"),
            (
                "paragraph",
                "市妇联党总支全员参与河海街道一线志愿服务和丁堰街道督查工作，带动各级妇联干部、常执委、女性社会组织、巾帼志愿者积极行动，"
                "共同战疫。党总支获评疫情防控阻击战中“龙城先锋”先进典型。",
            ),
        ],
    },
    {
        "slug": "jinguo-zhumeng",
        "title": "“巾帼筑梦”思想引领行动",
        "kind": "action_plan",
        "organizer": "常州市",
        "days": (-330, 35),
        "summary": "组织百千万“巾帼好声音”宣讲活动，引领广大妇女听党话、跟党走，争做最美巾帼奋斗者。",
        "image": "示例图·玉兰晨光",
        "body": [
            (
                "paragraph",
                "新时代是奋斗者的时代，百万女性在奋斗中绽放美丽。市妇联组织百千万“巾帼好声音”宣讲活动，"
                "实施“和美六润·花开万家”新时代巾帼文明实践项目，争做最美巾帼奋斗者。",
            ),
        ],
    },
    {
        "slug": "jinguo-jiangong",
        "title": "“巾帼建功”创业创新行动",
        "kind": "action_plan",
        "organizer": "常州市",
        "days": (-330, 35),
        "summary": "开展百万妇女建功“135”实践活动，引领广大女性在创业创新中建功立业。",
        "image": "示例图·霞光同行",
        "body": [
            (
                "paragraph",
                "市妇联开展百万妇女建功“135”实践活动，启动百个女企业家结对初创项目、千个巾帼文明岗共建、万户和谐保稳定行动。",
            ),
        ],
    },
    {
        "slug": "jinguo-julie",
        "title": "“巾帼聚力”乡村振兴行动",
        "kind": "action_plan",
        "organizer": "常州市",
        "days": (-330, None),
        "summary": "扶持巾帼农业示范基地，创建“丁香助农直播间”，巾帼共走振兴路。",
        "image": "示例图·花瓣家风",
        "body": [
            (
                "paragraph",
                "市妇联坚持服务发展大局不动摇，扶持各类巾帼农业示范基地，建立“双学双比”巾帼农产品展销中心，"
                "启动“万企联万村·巾帼共走振兴路”行动，创建“丁香助农直播间”，助力禁捕退捕家庭平稳就业。",
            ),
            ("paragraph", "“常阿姐”走进丁香集市，为巾帼农产品打CALL。"),
        ],
    },
    {
        "slug": "jinguo-tongxin",
        "title": "“巾帼同心”赋能提升行动",
        "kind": "action_plan",
        "organizer": "常州市",
        "days": (-330, None),
        "summary": "实施“基层妇联领头雁培训计划”，624个“妇女微家”服务妇女儿童最后一公里。",
        "image": "示例图·玉兰花影",
        "indicators": [("“妇女微家”阵地", "624", "个", None)],
        "body": [
            (
                "paragraph",
                "“把妇联改革进行到底”是号令也是方向。市妇联以“破难行动”为抓手，组织网络沉边到底，机关事业单位妇联应建尽建，"
                "新兴领域妇联百花齐放。",
            ),
            (
                "paragraph",
                "实施“基层妇联领头雁培训计划”，在全省率先实现万名执委领办项目全覆盖，遍布各地的624个“妇女微家”阵地服务妇女儿童最后一公里。",
            ),
        ],
    },
    {
        "slug": "99-giving-day",
        "title": "“关爱妇儿常州在行动”99公益日",
        "kind": "fundraising",
        "organizer": "常州市",
        "days": (-6, 24),
        "summary": "上线腾讯“99公益日”，为困境妇女儿童筹集善款。",
        "image": "示例图·霞光同行",
        # Raised: "总筹资70余万元". The target is not in the seeds; 100 万元 is a demo value.
        "indicators": [("筹款", "70", "万元", "100")],
        "body": [
            ("paragraph", "市妇联组织开展“关爱妇儿常州在行动”上线腾讯“99公益日”活动，总筹资70余万元。"),
            (
                "paragraph",
                "与贫困“两癌”妇女免费查治、白血病儿童救助等关爱行动一起，温暖困境妇女儿童。欢迎爱心企业和市民参与。",
            ),
        ],
    },
    {
        "slug": "jintan-fight-epidemic-donation",
        "title": "“爱心传递，助力战疫”捐助活动",
        "kind": "fundraising",
        "organizer": "金坛区",
        "days": (-410, -350),
        "summary": "区女企业家协会筹集善款39.06万元及5000个N95口罩，腾讯公益“金坛妇联在行动”筹集善款9700余元。",
        "image": "示例图·梅紫暖心",
        "indicators": [
            ("女企业家协会筹集善款", "39.06", "万元", None),
            ("N95口罩", "5000", "个", None),
            ("腾讯公益“金坛妇联在行动”", "0.97", "万元", None),
        ],
        "body": [
            (
                "paragraph",
                "金坛区妇联组建妇联机关志愿服务队，深入社区防控一线。发起“爱心传递，助力战疫”捐助活动，"
                "开展女医护工作者、一线女干部慰问行动，帮助解决实际困难。",
            ),
        ],
    },
    {
        "slug": "pelvic-health",
        "title": "“健康悦她 幸福一生”关爱女性盆底健康公益项目",
        "kind": "public_benefit",
        "organizer": "常州市",
        "days": (-300, -60),
        "summary": "联合卫健委、红十字会推进女性盆底障碍性疾病危险因素早期发现和干预管理工作。",
        "image": "示例图·玉兰晨光",
        "indicators": [("惠及患者", "952", "人", None), ("满意率", "100", "%", None)],
        "body": [
            (
                "paragraph",
                "市妇联联合卫健委、红十字会实施“健康悦她 幸福一生”关爱女性盆底健康公益项目，积极推进女性盆底障碍性疾病危险因素"
                "早期发现和干预管理工作，惠及患者952人，满意率达100%。",
            ),
        ],
    },
    {
        "slug": "zhulin-pomegranate-seeds",
        "title": "“情系石榴籽、巾帼竞芬芳”少数民族信访困境妇女帮扶工程",
        "kind": "public_benefit",
        "organizer": "朱林镇",
        "days": (-200, 100),
        "summary": "在茅山老区朱林镇启动帮扶工程，关心关爱少数民族信访困境妇女。",
        "image": "示例图·花瓣家风",
        "body": [
            (
                "paragraph",
                "金坛区妇联启动“情系石榴籽、巾帼竞芬芳”茅山老区朱林镇少数民族信访困境妇女帮扶工程。",
            ),
        ],
    },
    {
        "slug": "micro-home-not-micro",
        "title": "“微家”不微——困境妇女服务项目",
        "kind": "public_benefit",
        "organizer": "金坛区",
        "days": (-150, 60),
        "summary": "茅驴志愿者协会妇联依托“妇女微家”，为困境妇女提供贴心服务。",
        "image": "示例图·粉白书香",
        "body": [
            (
                "paragraph",
                "茅驴志愿者协会妇联实施“微家”不微——困境妇女服务项目，志愿者走进困境妇女家庭，送去关爱与帮助。",
            ),
        ],
    },
    {
        "slug": "women-strivers",
        "title": "“立足岗位，争做最美巾帼奋斗者”主题活动",
        "kind": "theme",
        "organizer": "常州市",
        "days": (25, 32),
        "summary": "致敬最美巾帼奋斗者：讲述身边女性在疫情防控、复工复产、乡村振兴中的奋斗故事。",
        "image": "示例图·月白荣光",
        "body": [
            (
                "paragraph",
                "市妇联以“立足岗位，争做最美巾帼奋斗者”为主题，分“期待、新生、奋进”三个篇章，"
                "集中展示全市妇女同胞在疫情防控、复工复产、脱贫攻坚中的使命担当和无私无畏。",
            ),
            (
                "paragraph",
                "主题活动将邀请来自各行业、各领域的常州女性走上舞台，讲述各自的奋斗故事，一起用奋斗为自己加冕。",
            ),
        ],
    },
    {
        "slug": "reading-season",
        "title": "“书香飘万家”亲子阅读季",
        "kind": "theme",
        "organizer": "常州市",
        "days": (12, 75),
        "summary": "亲子共读，书香传家：全市各级妇联组织开展家庭亲子阅读活动。",
        "image": "示例图·粉白书香",
        "body": [
            (
                "paragraph",
                "“书香飘万家”亲子阅读是市妇联加强家庭教育指导服务的品牌活动。阅读季期间，幸福种子亲子阅读中心、"
                "各村（社区）妇女儿童之家将举办亲子读书会、故事爸妈进课堂、亲子绘本剧等活动。",
            ),
            ("paragraph", "欢迎家庭报名参加，巾帼志愿者将全程提供服务。"),
        ],
    },
]

# The 2020 table of funded public-benefit projects (妇女儿童公益社工服务立项项目), exactly as in the
# seed, "五年来争取省市级扶持项目75个". The seed gives only titles; the summaries are short
# descriptions drawn from the titles. Organizer: the city federation, which applies for the
# funds with the 市政府妇儿工委办 (not an organization unit here), except where a title names a
# district. "days": (first day, last day) from today, varied so that statuses differ.
PUBLIC_BENEFIT_PROJECTS_2020 = [
    {
        "level": "provincial",
        "slug": "pb-smart-parents",
        "title": "“智慧父母”成长支持计划",
        "summary": "实施“智慧父母”成长支持计划，为家长提供家庭教育指导服务，帮助家长科学育儿。",
        "days": (-380, 40),
    },
    {
        "level": "provincial",
        "slug": "pb-voice-of-blossoms",
        "title": "花开的声音——社会工作介入农村社区女童自护项目",
        "summary": "社会工作走进农村社区，帮助女童学习自我保护知识，守护女童健康成长。",
        "days": (-380, -20),
    },
    {
        "level": "provincial",
        "slug": "pb-moss-gardeners",
        "title": "青苔园丁&永红工匠 一心一“疫”守护你",
        "summary": "聚焦疫情防控，以社工专业服务守护妇女儿童和家庭。",
        "days": (-380, -20),
    },
    {
        "level": "provincial",
        "slug": "pb-carefree-youth",
        "title": "青春无忧之花季保卫战",
        "summary": "面向青春期少年儿童开展自护教育和心理健康服务，守护花季成长。",
        "days": (-370, -30),
    },
    {
        "level": "provincial",
        "slug": "pb-new-parents-star-children",
        "title": "新父母星孩子成长计划",
        "summary": "为年轻父母提供家庭教育指导，陪伴孩子健康成长。",
        "days": (-370, -30),
    },
    {
        "level": "provincial",
        "slug": "pb-larks-take-off",
        "title": "百灵起飞 益路同行——弱势妇女、儿童关爱服务",
        "summary": "以社工专业服务关爱弱势妇女、儿童，益路同行。",
        "days": (-360, -40),
    },
    {
        "level": "provincial",
        "slug": "pb-bloom-buds",
        "title": "绽放吧 花蕾——流动家庭赋能共进计划",
        "summary": "为流动家庭赋能，助力流动儿童与家庭共同成长。",
        "days": (-360, -40),
    },
    {
        "level": "provincial",
        "slug": "pb-happy-life-skills",
        "title": "“幸福生活 光彩人生”女性技能培育就业计划",
        "summary": "开展女性技能培训，帮助女性提升技能、实现就业。",
        "days": (-350, 20),
    },
    {
        "level": "provincial",
        "slug": "pb-spring-messengers",
        "title": "温暖春天的使者——社区防疫一线人员关爱服务计划",
        "summary": "关爱服务社区防疫一线人员，做温暖春天的使者。",
        "days": (-400, -200),
    },
    {
        "level": "provincial",
        "slug": "pb-frontline-family",
        "title": "守护“疫线”家一度——战疫情关爱项目",
        "summary": "关爱战疫情一线人员家庭，传递妇联温度。",
        "days": (-400, -200),
    },
    {
        "level": "provincial",
        "slug": "pb-let-love-come-home",
        "title": "让爱回家——新北区女性婚姻家庭危机干预社工项目",
        "summary": "为遭遇婚姻家庭危机的女性提供社工干预服务，让爱回家。",
        "organizer": "新北区",
        "days": (-340, -10),
    },
    {
        "level": "provincial",
        "slug": "pb-child-friendly-community",
        "title": "童眼乐园——中国儿童友好型示范社区创建2.0",
        "summary": "从儿童视角出发，创建儿童友好型示范社区。",
        "days": (-340, 60),
    },
    {
        "level": "provincial",
        "slug": "pb-gender-equality-peers",
        "title": "我们有啥不一样?——性别平等“同伴教育”计划",
        "summary": "以同伴教育的方式，在青少年中倡导男女平等基本国策。",
        "days": (-330, -15),
    },
    {
        "level": "provincial",
        "slug": "pb-special-children",
        "title": "特别的爱 给特殊的你——关爱特殊儿童",
        "summary": "为特殊儿童及其家庭提供关爱服务。",
        "days": (-330, -15),
    },
    {
        "level": "provincial",
        "slug": "pb-fly-higher",
        "title": "“让我们飞的更高”新时代女性素质提升工程",
        "summary": "提升新时代女性综合素质，助力女性全面发展。",
        "days": (-320, -5),
    },
    {
        "level": "city",
        "slug": "pb-chang-da-jie-home-services",
        "title": "巾帼“常大姐”家庭服务培育计划",
        "summary": "培育巾帼家庭服务人才，促进巾帼家庭服务业品质发展。",
        "days": (-300, 65),
    },
    {
        "level": "city",
        "slug": "pb-new-farmers",
        "title": "巾帼新农人乡村振兴护航计划",
        "summary": "培育巾帼新农人，为乡村振兴护航。",
        "days": (-300, 65),
    },
    {
        "level": "city",
        "slug": "pb-yulan-women-cadres",
        "title": "“玉兰芬芳”女干部素质提升计划",
        "summary": "提升女干部综合素质，擦亮“玉兰芬芳”品牌。",
        "days": (-300, -25),
    },
]

PUBLIC_BENEFIT_BODY = (
    "本项目为2020年度{level}妇女儿童公益社工服务立项项目。市妇儿工委办积极争取省、市级资金扶持公益社工项目，"
    "通过社工专业服务满足广大妇女儿童实际需求，五年来争取省市级扶持项目75个。"
)

# ---------------------------------------------------------------------------------------------
# Articles: the 成果聚焦 stories. "days": days from today (negative = in the past).
# Officials are named by their office, not by name.
# ---------------------------------------------------------------------------------------------

ARTICLES = [
    {
        "slug": "smart-governance-platform",
        "title": "全国首个婚姻家庭智慧治理大数据平台上线",
        "days": -3,
        "author": "《常州女性》编辑部",
        "tags": ["家庭建设", "维权", "智慧治理"],
        "summary": "由9家单位共同打造的全国首个婚姻家庭智慧治理大数据平台正式上线，“一张网”布局、“一盘棋”统筹、“一条链”保障。",
        "image": "示例图·玉兰花影",
        "body": [
            (
                "paragraph",
                "常州市婚姻家庭智慧治理平台正式上线，这是由市委政法委、市中级人民法院、市检察院、市公安局、市民政局、市司法局、市妇联、"
                "团市委、市残联等9家单位共同打造的全国首个婚姻家庭智慧治理大数据平台。",
            ),
            ("heading", "“一张网”布局"),
            (
                "paragraph",
                "市妇联主动牵头打破各部门数据平台间的壁垒，通过“1+9+N”模式织密治理数据“一张网”，即综合打造1个“幸福e家”智慧治理平台，"
                "汇聚9个部门的婚姻家庭工作数据，整合全市6个辖市区和常州经开区、62个乡镇街道、1028个村（社区）妇联的N条数据。",
            ),
            ("heading", "“一盘棋”统筹"),
            (
                "paragraph",
                "所有数据内容被划归为14个类别78项动态数据，可以分类、分时间段、分地区统计分析，及时发现婚姻家庭社会治理的“痛点”和“堵点”。",
            ),
            ("heading", "“一条链”保障"),
            (
                "paragraph",
                "自平台试运行以来，市妇联对全市家暴案件进行100%电话回访，派单到基层746件，跟踪处置190件，密切关注556件。"
                "平台还在“我的常州”app和“常州女性”微信公众号同时开设求助通道，所有求助信息将直接由平台派至责任单位。",
            ),
        ],
    },
    {
        "slug": "intervention-centre",
        "title": "全省首家家暴施暴者强制心理干预中心成立",
        "days": -8,
        "author": "《常州女性》编辑部",
        "tags": ["维权", "反家暴", "志愿者"],
        "summary": "江苏省首家“家暴施暴者强制心理干预中心”在常州市看守所挂牌成立，并成立一支20人的施暴者心理干预志愿者队伍。",
        "image": "示例图·梅紫暖心",
        "body": [
            (
                "paragraph",
                "江苏省首家“家暴施暴者强制心理干预中心”在常州市看守所挂牌成立，常州市妇联、市看守所现场签署了"
                "《常州市家庭暴力施暴者强制心理干预合作协议》。",
            ),
            (
                "paragraph",
                "市妇联联合市看守所将强制心理干预纳入在押施暴人帮教内容，逐步扩大干预范围，并专门成立了一支20人的施暴者心理干预志愿者队伍，"
                "定期开展心理服务的同时做好干预成效的评估。",
            ),
        ],
    },
    {
        "slug": "provincial-mediation-conference",
        "title": "全省婚姻家庭纠纷预防化解工作现场推进会在常州召开",
        "days": -14,
        "author": "《常州女性》编辑部",
        "tags": ["维权", "家事调解", "家庭建设"],
        "summary": "省妇联、省司法厅在常州联合召开现场推进会，与会人员观摩了常州四个现场点。",
        "image": "示例图·霞光同行",
        "body": [
            (
                "paragraph",
                "省妇联、省司法厅在常州联合召开全省婚姻家庭纠纷预防化解工作现场推进会，常州市妇联、市司法局等单位在会上作经验交流。",
            ),
            (
                "quote",
                "在婚姻家庭纠纷预防化解中担当‘妇联使命’，在深度融入市域社会治理现代化中展现‘妇联作为’，为常州‘五大明星城’建设贡献巾帼力量！",
                "常州市妇联",
            ),
            ("heading", "常州市妇女儿童权益保障服务中心"),
            (
                "paragraph",
                "全省首家提供专业妇儿维权服务的公益机构，现有专职工作人员3名，专兼职调解员21人，并建有一支法官、检察官、律师和心理咨询师等"
                "167人的专家志愿者队伍，年均接访1000件左右。2015年成立全省首家家暴危机干预中心，2020年创立“常阿姐”调解品牌。",
            ),
            ("heading", "天宁区雕庄街道菱溪社区"),
            (
                "paragraph",
                "社区划分为6个综合网格，将家庭暴力、性侵未成年人以及其他婚姻家庭矛盾纠纷三项内容列入网格员日常发现报告内容；"
                "实施“335”调解工作机制，参与调解婚姻家庭纠纷135起；实施16个妇儿家庭项目，从源头预防婚姻家庭纠纷。",
            ),
            ("heading", "三井派出所老周道调解室"),
            (
                "paragraph",
                "调解室采取“3+4+N”调解方式，将家暴干预、家事调解等工作纳入人民调解工作，妥善处置家庭矛盾纠纷，严厉打击家庭暴力行为。",
            ),
            ("heading", "新北区三井街道秦岭社区"),
            (
                "paragraph",
                "实施“四维”调解工作法（维心、维情、维力、维智），建立“友爱之家”社区家庭和谐互助联谊平台，"
                "组建社区“家调志愿花”队伍，服务基层妇女维权和家事调解。",
            ),
        ],
    },
    {
        "slug": "chang-a-jie",
        "title": "“常阿姐·常在你身边”：市妇联推出“常阿姐”工作品牌",
        "days": -20,
        "author": "《常州女性》编辑部",
        "tags": ["常阿姐", "巾帼志愿者", "家政"],
        "summary": "“常”取自常州简称，“阿姐”是常州话中对姐姐的亲切称呼。做妇女群众信得过、靠得住、离不开的娘家人。",
        "image": "示例图·玉兰晨光",
        "body": [
            (
                "paragraph",
                "常州市妇联推出“常阿姐”工作品牌，“常”取自常州简称，“阿姐”是常州话中对姐姐的亲切称呼。"
                "市妇联以“常阿姐·常在你身边”为口号，精准对接妇女儿童不同需求，广泛引领联系服务妇女群众，"
                "做妇女群众信得过、靠得住、离不开的娘家人。",
            ),
            (
                "paragraph",
                "“常阿姐”走进丁香集市，为巾帼农产品打CALL；开展“常阿姐”巾帼家政培训班共4期，培训200人次；"
                "社区“常阿姐”巾帼志愿调解员参与婚姻家庭纠纷调解。",
            ),
        ],
    },
    {
        "slug": "women-classroom-64-sites",
        "title": "玉兰芬芳·WOMEN课堂设立64个分课堂点，开设课程近千场",
        "days": -27,
        "author": "《常州女性》编辑部",
        "tags": ["玉兰芬芳", "女性成长"],
        "summary": "提升玉兰芬芳·WOMEN课堂品质，开发全市课堂云导览，设立64个分课堂点，开设课程近千场。",
        "image": "示例图·紫晕茶香",
        "body": [
            (
                "paragraph",
                "提升玉兰芬芳·WOMEN课堂品质，开发全市课堂云导览，设立64个分课堂点，开设课程近千场。",
            ),
            ("paragraph", "茶艺班、戏剧班、少儿书法、亲子阅读、巾帼家政……课堂开到了妇女群众的家门口。"),
        ],
    },
    {
        "slug": "family-work-collective",
        "title": "市妇联获评全国家庭工作先进集体",
        "days": -34,
        "author": "《常州女性》编辑部",
        "tags": ["家庭建设", "家庭教育", "亲子阅读"],
        "summary": "立足家庭主阵地，不断夯实“最美家庭”品牌效应，常州市妇联被评为全国家庭工作先进集体。",
        "image": "示例图·花瓣家风",
        "body": [
            (
                "paragraph",
                "常州市妇联立足家庭主阵地，不断夯实“最美家庭”品牌效应，开展“家风小剧场”巡演、最美家庭巡讲等系列活动，以优良家风涵养时代新风。",
            ),
            (
                "paragraph",
                "聚焦家庭需求，进一步贯彻落实《江苏省家庭教育促进条例》，构建家庭教育工作室联动机制，启动“智慧父母”成长支持计划，"
                "高质量开展“科学家教进万家”巡讲、“书香飘万家”亲子阅读等活动，切实加强家庭教育指导服务。",
            ),
            (
                "paragraph",
                "实施“巾帼家政”提质扩容计划，推进“法律进家庭”工作，在全国创造了便捷高效的反家庭暴力“常州模式”。",
            ),
        ],
    },
    {
        "slug": "minors-observers",
        "title": "1020名基层妇联主席担任“未成年人观察员”",
        "days": -41,
        "author": "《常州女性》编辑部",
        "tags": ["未成年人保护", "家庭教育"],
        "summary": "联合市检察院探索开展亲职教育，织密未成年人保护网。",
        "image": "示例图·粉白书香",
        "body": [
            (
                "paragraph",
                "市妇联联合市检察院探索开展亲职教育，制定实施细则，对涉案未成年人父母或其他监护人进行有针对性的家庭教育指导，"
                "督促其落实家庭监护主体责任。",
            ),
            (
                "paragraph",
                "聘请1020名基层妇联主席担任“未成年人观察员”，重点关注发现并报告辖区内未成年人权益受侵害线索，织密未成年人保护网。",
            ),
        ],
    },
    {
        "slug": "jintan-2020",
        "title": "凝聚巾帼力量 服务高质量发展——金坛区妇联的一年",
        "days": -48,
        "author": "金坛区妇联",
        "tags": ["巾帼志愿者", "乡村振兴", "基层妇联"],
        "summary": "团结带领全区妇女为推动金坛在苏南板块持续快速崛起贡献巾帼力量。",
        "image": "示例图·霞光同行",
        "body": [
            ("heading", "积极组织广大妇女防疫抗疫"),
            (
                "paragraph",
                "组建妇联机关志愿服务队，深入社区防控一线。与区人社局共同打造女性人才专场网络招聘会，为51家企业提供近2000个工作岗位，"
                "326名女性达成就业意向。",
            ),
            ("heading", "“双学双比”助力乡村振兴"),
            (
                "paragraph",
                "成立区“双学双比”女能手联盟，发放农村妇女小额担保贷款1320万元，发放各级巾帼示范基地扶持资金39万元，"
                "帮助85名农村妇女和十余个女性创业基地解决资金难题。",
            ),
            ("heading", "弘扬文明新风"),
            (
                "paragraph",
                "开展“送你一缕书香”村（社区）亲子阅读活动31场，承办常州家风小剧场巡演5场，征集家训格言、漫画作品340余件。",
            ),
        ],
    },
]

# ---------------------------------------------------------------------------------------------
# Honours. Levels: national, provincial, city, district. Every honour of the seeds is 2020.
# ---------------------------------------------------------------------------------------------

HONOUR_YEAR = 2020

HONOUR_TITLES = [
    {"name": "全国三八红旗手", "level": "national", "awarded_by": "全国妇联"},
    {"name": "抗击新冠肺炎疫情全国三八红旗手", "level": "national", "awarded_by": "全国妇联"},
    {"name": "全国抗疫最美家庭", "level": "national", "awarded_by": "全国妇联"},
    {
        "name": "全国优秀企业家",
        "level": "national",
        "awarded_by": "中国企业联合会、中国企业家协会",
        "description": "2019-2020年度全国优秀企业家。",
    },
    {"name": "全国家庭工作先进集体", "level": "national"},
    {"name": "全国家庭教育创新实践基地", "level": "national", "awarded_by": "全国妇联办公厅、教育部办公厅"},
    {"name": "全国家庭亲子阅读体验基地", "level": "national"},
    {"name": "全国创新社会治理典型案例100强", "level": "national"},
    {"name": "江苏省三八红旗手", "level": "provincial", "awarded_by": "江苏省妇联"},
    {"name": "江苏省抗疫最美家庭", "level": "provincial", "awarded_by": "江苏省妇联"},
    {"name": "江苏省家庭亲子阅读体验基地", "level": "provincial"},
    {"name": "江苏省全民阅读推广项目", "level": "provincial"},
    {"name": "常州市三八红旗手", "level": "city", "awarded_by": "常州市妇联"},
    {"name": "全市创新社会治理优秀项目一等奖", "level": "city"},
    {"name": "全市“七五”普法先进单位", "level": "city"},
    {"name": "常州市建设全国文明城市先进集体", "level": "city"},
    {"name": "常州市双拥模范单位", "level": "city"},
    {"name": "疫情防控阻击战中“龙城先锋”先进典型", "level": "city"},
    # The 金坛区 report says only "王虎琴等14名女性，袁湘勤等12户家庭获评市级以上荣誉", without
    # naming the honours. This title records exactly that and invents nothing; its level is the
    # lowest the seed allows (city).
    {
        "name": "市级以上荣誉",
        "level": "city",
        "description": "金坛区巾帼（家庭）典型库中获评市级以上荣誉的女性和家庭；具体荣誉称号以区妇联通报为准。",
    },
    {"name": "金坛区巾帼建功标兵", "level": "district"},
]

# Recipients: kind person, family or collective; "unit" only where the seeds say where.
# "honours": (title, citation). "story": paragraphs from the seeds.
_FAMILY = "全国抗疫最美家庭"
_JS_FAMILY = "江苏省抗疫最美家庭"

RECIPIENTS = [
    {
        "name": "王文红",
        "kind": "person",
        "unit": "北环新村社区",
        "affiliation": "常州市天宁区红梅街道北环新村社区书记、主任",
        "honours": [("全国三八红旗手", "扎根基层社区，创办“王文红调解工作室”，实施旗手项目“妇女议事会”。")],
        "story": [
            "作为一名基层社区工作者，王文红坚持眼勤多读、口勤多问、脑勤多思、腿勤多跑，同时带头参加学习，带头捐款捐物，带头志愿服务。"
            "她从加强社区规范化建设着手，建立健全了社区志愿者队伍、特殊人员走访等制度，创办了“夕阳红读书室”“妇女谈心室”"
            "“志愿者活动室”和“康复功能训练室”。",
            "为了使“矛盾不出社区、化解于萌芽”，更好地解决婚姻家庭矛盾纠纷，社区成立“王文红调解工作室”，利用女性较强的亲和力和沟通能力，"
            "把社区事务处理得井井有条。2018年，以她为领衔人成立“王文红三八红旗手工作室”，实施旗手项目“妇女议事会”，"
            "带领居民积极参与社区管理，成为了常州妇女议事品牌项目。",
        ],
    },
    {
        "name": "王霞英",
        "kind": "person",
        "affiliation": "常州市第三人民医院感染一科（艾滋病科）护士长",
        "honours": [
            (
                "抗击新冠肺炎疫情全国三八红旗手",
                "带领护士姐妹坚守负压病房，历时72天交出“零感染、零重症、零死亡”的答卷。",
            )
        ],
        "story": [
            "王霞英参加工作30多年来，一直在风险高、危重病人多、工作量大的公卫临床一线工作，曾在抗击“H7N9”禽流感中勇赴负压病房。",
            "此次新冠肺炎抗疫中，她所在医院是常州市公共卫生应急定点收治医院。1月27日，她临危受命，带领10位护士姐妹入驻负压病房，"
            "从防疫物资保障、岗位职责落实，到患者的一日三餐、护理安抚，再到医务人员防护工作，她倾尽全力。2月14日，她刚出负压病房，"
            "又赶赴金坛各大医院和隔离点指导护理管理、个人防护和院感控制。",
            "3月18日，第二波境外输入疫情来袭，王霞英再度请缨，参与配合医生诊治、妥善安排护理分工和患者照护，直至5月7日最后一例患者痊愈出院。"
            "历时72天，她和同事们用“零感染、零重症、零死亡”的战绩提交了一份满意的答卷。",
        ],
    },
    {
        "name": "孙英家庭",
        "kind": "family",
        "honours": [
            (_FAMILY, "母女组建10个微信群，为武汉、黄石311个社区募集价值150多万元的防疫物资。"),
            (_JS_FAMILY, "苏鄂联动，千方百计支援武汉、黄石基层社区抗疫。"),
        ],
        "photo": "示例图·花瓣家风",
        "story": [
            "疫情爆发，孙英和女儿朱书阳在得知武汉、黄石的基层社区缺口口罩、消毒液、雨衣、手套等防疫物资后一夜未能入睡。"
            "为了更好地与相关社区对接，2月9日凌晨她建了“彻夜难眠”微信群，把武汉市、黄石市的基层社区书记拉进群，一个群满了，"
            "又建一个，共组建10个微信群。",
            "同时，她还建起“心疼武汉行动群”，向亲戚、朋友等单位和个人募集物资，扬州的名扬三联物业等爱心企业（人士）纷纷加入，苏鄂联动，"
            "千方百计支援武汉、黄石。孙英家庭带头捐赠了4800只一次性口罩、300多套雨衣、200公斤消毒颗粒和1000多双橡胶手套。",
            "疫情期间，“行动群”为武汉、黄石311个社区捐赠了消毒液、酒精、雨衣、手套、口罩等价值150多万元的防疫物资。",
        ],
    },
    {
        "name": "戈亚琴",
        "kind": "person",
        "affiliation": "新誉集团党委书记、执行总裁，常州市妇联兼职副主席",
        "honours": [("全国优秀企业家", "2019-2020年度全国优秀企业家，常州首位获此殊荣的企业家。")],
        "story": [
            "为了实现自主创新，戈亚琴果断进军拥有自主核心技术的创新型企业，一举打破轨道交通牵引传动系统完全依靠进口的格局，"
            "突破多项卡脖子技术，国产率超过98%，先后承担了国内30余个城市和多个国家、地区的轨道交通项目，成为中国民族工业的一张“名片”。",
            "随后，她又瞄准新能源、数控设备、办公设备、航空航天等产业，总资产达百亿，上缴税收达8亿，轨道车辆车载机电产品市场综合占有率超30%，"
            "成为地方经济发展的重要产业支柱。",
            "12月1日，在中国企业联合会、中国企业家协会主办的2020年全国企业家活动日暨中国企业家年会上，戈亚琴被评为"
            "“2019-2020年度全国优秀企业家”，成为常州首位获此殊荣的企业家。",
        ],
    },
    # 江苏省三八红旗手. A person and her family are different recipients (马卫芬 vs 马卫芬家庭).
    {"name": "马卫芬", "kind": "person", "honours": [("江苏省三八红旗手", "")]},
    {"name": "陈聪", "kind": "person", "honours": [("江苏省三八红旗手", "")]},
    # 江苏省抗疫最美家庭: 13 families (孙英家庭 is above, with both of her honours).
    {"name": "王臣家庭", "kind": "family", "honours": [(_JS_FAMILY, "")]},
    {"name": "王蓓家庭", "kind": "family", "honours": [(_JS_FAMILY, "")]},
    {"name": "王冰莹家庭", "kind": "family", "honours": [(_JS_FAMILY, "")]},
    {"name": "马卫芬家庭", "kind": "family", "honours": [(_JS_FAMILY, "")]},
    {"name": "尹玲家庭", "kind": "family", "honours": [(_JS_FAMILY, "")]},
    {"name": "闫廷赞家庭", "kind": "family", "honours": [(_JS_FAMILY, "")]},
    {"name": "唐洁家庭", "kind": "family", "honours": [(_JS_FAMILY, "")]},
    {"name": "杨琪峰家庭", "kind": "family", "honours": [(_JS_FAMILY, "")]},
    {"name": "郑玉群家庭", "kind": "family", "honours": [(_JS_FAMILY, "")]},
    {"name": "陈聪家庭", "kind": "family", "honours": [(_JS_FAMILY, "")]},
    {"name": "虞斌家庭", "kind": "family", "honours": [(_JS_FAMILY, "")]},
    {"name": "巢益群家庭", "kind": "family", "honours": [(_JS_FAMILY, "")]},
    # 常州市三八红旗手
    {"name": "王中仙", "kind": "person", "honours": [("常州市三八红旗手", "")]},
    {"name": "王凤鸣", "kind": "person", "honours": [("常州市三八红旗手", "")]},
    {"name": "王琳", "kind": "person", "honours": [("常州市三八红旗手", "")]},
    {"name": "庄涛静", "kind": "person", "honours": [("常州市三八红旗手", "")]},
    {"name": "李飞", "kind": "person", "honours": [("常州市三八红旗手", "")]},
    {"name": "吴素芹", "kind": "person", "honours": [("常州市三八红旗手", "")]},
    {"name": "陈春华", "kind": "person", "honours": [("常州市三八红旗手", "")]},
    {"name": "谭梦霞", "kind": "person", "honours": [("常州市三八红旗手", "")]},
    # Collectives
    {
        "name": "常州市妇联",
        "kind": "collective",
        "unit": "常州市",
        "photo": "示例图·月白荣光",
        "honours": [
            (
                "全国家庭工作先进集体",
                "立足家庭主阵地，打造全国首个婚姻家庭智慧治理平台，以科技支撑和谐家庭关系。",
            ),
            ("全市创新社会治理优秀项目一等奖", "“花 young 年华”平安逐梦护航工程。"),
            ("全国创新社会治理典型案例100强", "“花 young 年华”平安逐梦护航工程。"),
            ("全市“七五”普法先进单位", "全市“七五”普法中期先进单位。"),
            # The seed says the federation "申报为" (applied to become) this collective and lists it
            # under its 2020 achievements (全市有影响); it is recorded as awarded.
            (
                "常州市建设全国文明城市先进集体",
                "充分发挥广大妇女在家庭和社会生活中的独特作用，积极投身全国文明城市建设。",
            ),
            ("常州市双拥模范单位", "创造性地开展富有时代特征、妇联特色的双拥活动。"),
        ],
        "story": [
            "常州市妇联深入贯彻习近平总书记关于家庭文明建设和“三个注重”重要指示精神，立足家庭主阵地，不断夯实“最美家庭”品牌效应，"
            "开展“家风小剧场”巡演、最美家庭巡讲等系列活动；启动“智慧父母”成长支持计划，开展“科学家教进万家”巡讲、“书香飘万家”"
            "亲子阅读等活动；实施“巾帼家政”提质扩容计划；推进“法律进家庭”工作，打造了全国首个婚姻家庭智慧治理平台。"
            "2020年12月，常州市妇联被评为全国家庭工作先进集体。",
            "2019年，常州市妇联联动7个部门，走进全市26所高校职校，实施“花 young 年华”平安逐梦护航工程，开展各类活动153场次，"
            "参与学生10多万人次。该工程获全市创新社会治理优秀项目一等奖，2020年入选全国创新社会治理典型案例100强。",
            "五年来，常州市妇联主动链接妇女普法需求，深入推进“法律进家庭”工作，被评为全市“七五”普法中期先进单位；"
            "积极投身全国文明城市建设和创建全国双拥模范城“七连冠”活动，被授予“常州市双拥模范单位”荣誉称号。",
        ],
    },
    {
        "name": "常州市妇联党总支",
        "kind": "collective",
        "unit": "常州市",
        "photo": "示例图·梅紫暖心",
        "honours": [
            ("疫情防控阻击战中“龙城先锋”先进典型", "以“致敬逆行英雄·妇联在你身边”为主题开展六大“暖心”行动。")
        ],
        "story": [
            "常州市妇联党总支以“致敬逆行英雄·妇联在你身边”为主题，开展暖心菜、暖心包、暖心话、暖心画、暖心课、暖心事等六大“暖心”行动。"
            "同时，全员参与河海街道一线志愿服务和丁堰街道督查工作，带动各级妇联干部、常执委、女性社会组织、巾帼志愿者积极行动，共同战疫。",
        ],
    },
    {
        "name": "常州市妇女儿童活动中心",
        "kind": "collective",
        "unit": "常州市",
        "photo": "示例图·玉兰花影",
        "honours": [
            ("全国家庭教育创新实践基地", "围绕立德树人根本任务，积极开展内容丰富的家庭教育实践活动。")
        ],
        "story": [
            "常州市妇女儿童活动中心是常州市妇联下属的事业单位，集校外教育、家庭教育、未成年人思想道德建设、维权服务、女性培训、创业服务、"
            "妇女儿童对外交流活动等多功能一体化的教育服务中心。中心围绕立德树人根本任务，积极开展内容丰富的家庭教育实践活动。",
            "近年来荣获全国流动人口子女农村留守儿童示范家长学校、江苏省优秀家长学校、省小公民道德实践十佳创新活动、"
            "常州市家庭教育实验研究基地、常州市未成年人思想道德建设创新案例一等奖等荣誉。",
        ],
    },
    {
        "name": "幸福种子亲子阅读中心",
        "kind": "collective",
        "unit": "天宁区",
        "photo": "示例图·粉白书香",
        "honours": [("全国家庭亲子阅读体验基地", "常州市首家在全市推广0-7岁亲子阅读的体验基地。")],
        "story": [
            "幸福种子亲子阅读中心（由市妇联下属红溪实验幼儿园发起成立的公益社会组织）是常州市首家在全市推广0-7岁亲子阅读的体验基地。"
            "迄今为止举办了150场亲子读书会，600次公益阅读活动，受益幼儿家庭15000多个。",
            "打造“小书虫的幸福剧场”亲子阅读品牌，连续10年承办市妇联亲子绘本剧大赛，万户幼儿家庭参与。（地址：天宁区尚东花园69号）",
        ],
    },
    {
        # The seed prints this home on the 全国家庭亲子阅读体验基地 pages, next to 幸福种子;
        # it is recorded as a second recipient of that honour.
        "name": "茶山街道华润国际社区妇女儿童之家",
        "kind": "collective",
        "unit": "华润国际社区",
        "photo": "示例图·花瓣家风",
        "honours": [("全国家庭亲子阅读体验基地", "通过共读让父母与孩子共同学习、共同成长。")],
        "story": [
            "天宁区茶山街道华润国际社区妇女儿童之家依托社区所属社会组织——常州市天宁区萌宝亲亲优育服务中心的资源平台，"
            "每年开展各类家庭亲子阅读活动，如微恩读书会、竹兜育儿亲子阅读会等，通过共读让父母与孩子共同学习、共同成长。",
            "同时，引入省妇联“益路友好童伴同行”——“儿童友好型”社区创建项目，通过亲子阅读、亲子律动游戏、儿童参事议事等形式多样的活动，"
            "营造出有活力、更适宜居住的、有利于儿童健康成长的环境氛围。（地址：天宁区茶山街道华润国际剑桥澜湾26幢东首）",
        ],
    },
    {
        "name": "金坛区妇联",
        "kind": "collective",
        "unit": "金坛区",
        "photo": "示例图·霞光同行",
        "honours": [("全市“七五”普法先进单位", "常州市“七五”普法中期先进单位。")],
        "story": [
            "金坛区妇联设立婚姻家庭指导驿站，组建9个家庭纠纷调解基层平台，形成“1+9+X”的三级联动家庭纠纷调解格局；"
            "编制《婚姻家庭纠纷调解日记》，开通“e家学”以案释法项目，规范村（社区）婚姻家庭纠纷调解工作，"
            "获评常州市“七五”普法中期先进单位。",
        ],
    },
    {
        "name": "金坛区少儿图书馆",
        "kind": "collective",
        "unit": "金坛区",
        "honours": [("江苏省家庭亲子阅读体验基地", "首批江苏省家庭亲子阅读体验基地。")],
    },
    {
        "name": "金坛区融媒体中心“小小朗读者”",
        "kind": "collective",
        "unit": "金坛区",
        "honours": [("江苏省全民阅读推广项目", "")],
    },
    {
        "name": "金坛区图书馆“大树下亲子故事会”",
        "kind": "collective",
        "unit": "金坛区",
        "honours": [("江苏省全民阅读推广项目", "")],
    },
    # 金坛区
    {
        "name": "胡丽萍",
        "kind": "person",
        "unit": "金坛区",
        "honours": [("金坛区巾帼建功标兵", "")],
        "story": ["金坛区举办城镇妇女“巾帼建功”推进会暨风采展，胡丽萍等15名女性获评金坛区“巾帼建功标兵”。"],
    },
    {
        "name": "王虎琴",
        "kind": "person",
        "unit": "金坛区",
        "honours": [("市级以上荣誉", "金坛区巾帼典型，获评市级以上荣誉。")],
        "story": [
            "金坛区妇联建立巾帼（家庭）典型选树机制，动员各级妇联挖掘、宣传优秀女性，累计入库60名（户）。"
            "其中，王虎琴等14名女性获评市级以上荣誉。"
        ],
    },
    {
        "name": "袁湘勤家庭",
        "kind": "family",
        "unit": "金坛区",
        "honours": [("市级以上荣誉", "金坛区家庭典型，获评市级以上荣誉。")],
        "story": [
            "金坛区妇联建立巾帼（家庭）典型选树机制，累计入库60名（户）。其中，袁湘勤等12户家庭获评市级以上荣誉。"
        ],
    },
]

# ---------------------------------------------------------------------------------------------
# Site settings (shown in the frontend's footer and About page)
# ---------------------------------------------------------------------------------------------

SITE_NAME = "常州市妇联 · 玉兰"

SITE_SETTINGS = {
    "name": "常州市妇女联合会",
    "hotline": HOTLINE,  # the national women's rights hotline
    "address": "常州市龙城大道1280号1号楼",
    "email": "czflxcb@126.com",
    "wechat_account": "常州女性",
}
