"""The volunteers demo content, after the teams of the federation's 2020 review (shared/seeds/).

The teams are the seeds' own: district 巾帼志愿者 teams, the 家调志愿花 of 菱溪 and 秦岭, the 167
expert volunteers of the women's and children's rights centre (judges, prosecutors, lawyers,
counsellors), the 20-person team of the intervention centre for perpetrators of domestic violence,
the 常阿姐 mediators and the 未成年人观察员. The people are fictional (the seeds' names belong to
the honour roll); a team's demo members are a handful, not its real strength.

Units are named by the home demo's short names (home/demo/seed_data.py). Day offsets are from
today; times are local. ``hours`` lists each new member's past service (all approved), leader
first: 100 / 300 / 600 / 1000 / 1500 h are the star thresholds.
"""

from volunteers.models import SignupFlow, TeamKind

SKILLS = [
    ("法律", "law"),
    ("心理咨询", "counselling"),
    ("调解", "mediation"),
    ("家政", "housekeeping"),
    ("宣讲", "outreach"),
    ("摄影", "photography"),
    ("医护", "nursing"),
    ("教育", "education"),
    ("亲子阅读", "reading"),
    ("文艺", "arts"),
]

TEAMS = [
    {
        "key": "tianning",
        "name": "天宁区巾帼志愿者服务队",
        "kind": TeamKind.GENERAL,
        "unit": "天宁区",
        "homes": ["华润国际社区", "北环新村社区", "菱溪社区", "茶山街道"],
        "skills": ["亲子阅读", "宣讲", "摄影", "家政"],
        "hours": [1520, 330, 120, 132, 40, 16, 8, 0, 110, 24],
        "description": "社区服务、课堂签到引导、亲子阅读和宣讲，哪里需要就去哪里。",
    },
    {
        "key": "xinbei",
        "name": "新北区巾帼志愿者服务队",
        "kind": TeamKind.GENERAL,
        "unit": "新北区",
        "homes": ["秦岭社区", "三井街道", "河海街道"],
        "skills": ["教育", "医护", "文艺"],
        "hours": [420, 102, 36, 18, 8, 0, 0],
        "description": "河海街道一线志愿服务的老班底，常年服务社区老人和流动家庭。",
    },
    {
        "key": "jintan",
        "name": "金坛区妇联机关志愿服务队",
        "kind": TeamKind.GENERAL,
        "unit": "金坛区",
        "homes": ["金坛区", "朱林镇"],
        "skills": ["家政", "宣讲"],
        "hours": [230, 64, 30, 12, 0],
        "description": "疫情期间深入社区防控一线，如今服务妇女微家和婚姻家庭指导驿站。",
    },
    {
        "key": "lingxi",
        "name": "菱溪社区家调志愿花",
        "kind": TeamKind.MEDIATION,
        "unit": "菱溪社区",
        "skills": ["调解"],
        "hours": [1080, 640, 105, 60, 20, 0],
        "description": "网格员和社区“常阿姐”巾帼志愿调解员，在家事调解工作室化解婚姻家庭纠纷。",
    },
    {
        "key": "qinling",
        "name": "秦岭社区家调志愿花",
        "kind": TeamKind.MEDIATION,
        "unit": "秦岭社区",
        "skills": ["调解", "心理咨询"],
        "hours": [610, 140, 30, 10, 0],
        "description": "维度空间婚姻家庭纠纷调解室的志愿调解员，“四维”调解工作法。",
    },
    {
        "key": "experts",
        "name": "市妇女儿童权益保障服务中心专家志愿者",
        "kind": TeamKind.EXPERT,
        "unit": "常州市",
        "homes": ["天宁区", "新北区", "钟楼区", "武进区"],
        "skills": ["法律", "心理咨询"],
        "hours": [650, 320, 150, 90, 40, 24, 12, 8],
        "description": "法官、检察官、律师和心理咨询师，为来访妇女儿童提供法律和心理支持。",
    },
    {
        "key": "intervention",
        "name": "施暴者心理干预志愿者队伍",
        "kind": TeamKind.PSYCHOLOGICAL,
        "unit": "常州市",
        "homes": ["天宁区", "钟楼区", "新北区"],
        "skills": ["心理咨询"],
        # Twenty in all: the experts' counsellors join them (see "also").
        "hours": [305, 48, 24, 16, 12, 8, 6, 4, 0, 0, 0, 0, 0, 0, 0],
        "also": {"experts": [1, 3, 5, 6, 7]},
        "description": "在市看守所定期开展强制心理干预和帮教，做好干预成效评估。",
    },
    {
        "key": "changajie",
        "name": "“常阿姐”巾帼志愿调解队",
        "kind": TeamKind.MEDIATION,
        "unit": "常州市",
        "homes": ["天宁区", "钟楼区"],
        "skills": ["调解", "法律"],
        "hours": [1010, 360, 80, 20, 0],
        "also": {"lingxi": [1]},
        "description": "“常阿姐·常在你身边”：市妇联调解品牌的志愿调解员，接待来访、进社区说法。",
    },
    {
        "key": "observers",
        "name": "天宁区未成年人观察员",
        "kind": TeamKind.OBSERVER,
        "unit": "天宁区",
        "homes": ["北环新村社区", "华润国际社区", "菱溪社区"],
        "skills": ["教育"],
        "hours": [60, 24, 8, 0],
        "description": "基层妇联主席担任观察员，关注并报告辖区内未成年人权益受侵害线索。",
    },
]

# The demo logins: username, email and who they are. The volunteer is the fourth member of the
# 天宁区 team (132 h, one star); the leader leads 菱溪社区家调志愿花. The organizer organizes the
# city federation (and so every unit): username, email, display name, unit.
LOGINS = {
    "volunteer": ("demo-volunteer", "demo-volunteer@example.com", ("tianning", 3)),
    "leader": ("demo-leader", "demo-leader@example.com", ("lingxi", 0)),
}
ORGANIZER = ("demo-organizer", "demo-organizer@example.com", "市妇联志愿服务部", "常州市")

# Not yet volunteers: applications awaiting approval (unit, skills, with an ID number).
APPLICANTS = [
    ("华润国际社区", ["亲子阅读"], True),
    ("秦岭社区", ["医护"], False),
    ("朱林镇", ["家政"], True),
    ("菱溪社区", ["调解", "法律"], False),
]
SUSPENDED = ("xinbei", 4, "连续半年未参加服务，暂停，待本人确认后恢复。")
JOIN_REQUEST = ("lingxi", ("tianning", 5))

# Opportunities. "event": words of a demo event's title; "page": a campaign's slug. Shifts:
# (day offset, start, end, max, sign-ups wanted); a past shift's sign-ups are checked in and out,
# and their records approved except the last shift's ("pending"). Roles may ask for skills, a
# team ("team": only its members) and the approval flow.
OPPORTUNITIES = [
    {
        "title": "茶艺班（冬季）签到引导",
        "event": "茶艺班",
        "service_object": "茶艺班学员",
        "roles": [
            {
                "name": "签到引导",
                "description": "课前半小时到场，引导学员签到、入座，课后整理教室。",
                "shifts": [(12, "09:00", "11:30", 2, 2), (19, "09:00", "11:30", 2, 1)],
            }
        ],
    },
    {
        "title": "“书香飘万家”亲子阅读会志愿服务",
        "event": "亲子阅读",
        "service_object": "参加阅读会的亲子家庭",
        "roles": [
            {
                "name": "亲子阅读讲师",
                "description": "领读绘本，带孩子们排演绘本剧。",
                "skills": ["亲子阅读"],
                "flow": SignupFlow.APPROVAL,
                "shifts": [(5, "14:30", "16:30", 2, 2)],
            },
            {
                "name": "签到引导",
                "description": "迎接家庭、核对报名、照看孩子。",
                "shifts": [(5, "14:30", "16:30", 3, 3)],
            },
        ],
    },
    {
        "title": "“金沙听她说”巾帼宣讲现场服务",
        "event": "巾帼宣讲",
        "service_object": "社区居民",
        "roles": [
            {
                "name": "摄影记录",
                "description": "拍摄宣讲现场，当天交照片给宣传组。",
                "skills": ["摄影"],
                "shifts": [(7, "13:30", "15:45", 1, 0)],
            }
        ],
    },
    {
        "title": "“关爱妇儿常州在行动”99公益日志愿者",
        "page": "99-giving-day",
        "unit": "常州市",
        "service_object": "困境妇女儿童",
        "roles": [
            {
                "name": "募捐引导",
                "description": "在商圈向市民介绍项目，引导线上捐赠。",
                "shifts": [(-3, "10:00", "16:00", 6, 4), (4, "10:00", "16:00", 6, 2)],
            },
            {
                "name": "宣传摄影",
                "description": "记录募捐现场，供公众号推送。",
                "skills": ["摄影"],
                "shifts": [(4, "10:00", "13:00", 1, 1)],
            },
        ],
    },
    {
        "title": "“让爱回家”婚姻家庭纠纷调解",
        "page": "pb-let-love-come-home",
        "unit": "新北区",
        "service_object": "婚姻家庭纠纷当事人",
        "responsible_person": "新北区妇联权益部",
        "roles": [
            {
                "name": "调解员",
                "description": "与社工一起接待当事人，参与调解并做好记录。",
                "team": "qinling",
                "flow": SignupFlow.APPROVAL,
                "shifts": [
                    (-40, "09:00", "11:30", 2, 2),
                    (-26, "09:00", "11:30", 2, 2),
                    (-12, "09:00", "11:30", 2, 2),
                ],
            }
        ],
    },
    {
        "title": "菱溪社区家事调解值班",
        "unit": "菱溪社区",
        "service_object": "社区居民",
        "roles": [
            {
                "name": "值班调解员",
                "description": "在家事调解工作室值班，接待来访，登记并调解家庭纠纷。",
                "team": "lingxi",
                "shifts": [
                    (-21, "14:00", "17:00", 2, 2),
                    (-14, "14:00", "17:00", 2, 2),
                    (-7, "14:00", "17:00", 2, 2),
                    (2, "14:00", "17:00", 2, 2),
                    (9, "14:00", "17:00", 2, 1),
                ],
            }
        ],
    },
    {
        "title": "看守所强制心理干预帮教",
        "unit": "常州市",
        "service_object": "在押家暴施暴人",
        "roles": [
            {
                "name": "心理干预师",
                "description": "按干预方案开展团体辅导和个别咨询，填写评估表。",
                "team": "intervention",
                "skills": ["心理咨询"],
                "flow": SignupFlow.APPROVAL,
                "shifts": [
                    (-30, "09:00", "12:00", 4, 3),
                    (-2, "09:00", "12:00", 4, 4),
                    (26, "09:00", "12:00", 4, 2),
                ],
            }
        ],
    },
    {
        "title": "巾帼“常大姐”家政服务进社区",
        "page": "pb-chang-da-jie-home-services",
        "unit": "金坛区",
        "service_object": "社区困难家庭",
        "roles": [
            {
                "name": "家政服务志愿者",
                "description": "为困难家庭整理收纳、清洁厨房，示范家政技能。",
                "skills": ["家政"],
                "shifts": [(6, "08:30", "11:30", 4, 2)],
            }
        ],
    },
]

# What a past month of a member's service was, by team kind.
HISTORY = {
    TeamKind.GENERAL: ("巾帼志愿服务", "社区服务和活动保障（月度汇总）", "社区居民"),
    TeamKind.MEDIATION: ("婚姻家庭纠纷调解", "值班接待和家事调解（月度汇总）", "纠纷当事人"),
    TeamKind.EXPERT: ("妇儿维权专家志愿服务", "法律和心理咨询接访（月度汇总）", "来访妇女儿童"),
    TeamKind.PSYCHOLOGICAL: ("施暴者强制心理干预", "团体辅导和个别咨询（月度汇总）", "在押家暴施暴人"),
    TeamKind.OBSERVER: ("未成年人观察员走访", "走访困境家庭、排查线索（月度汇总）", "辖区未成年人"),
}

# Fictional names: a surname and a given name, combined in a fixed order.
SURNAMES = "王李张刘陈杨黄赵吴周徐孙朱马胡郭林何高罗"
GIVEN_NAMES = [
    "静怡", "晓燕", "雅琴", "秀兰", "春梅", "玉珍", "海燕", "佳慧", "文娟", "小芳",
    "建英", "美玲", "淑贞", "雪梅", "晓琳", "凤霞", "桂芳", "思雨", "梦洁", "亚楠",
]  # fmt: skip
