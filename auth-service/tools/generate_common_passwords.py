#!/usr/bin/env python3
"""Generates src/main/resources/passwords/common-passwords.txt.

The list is built, not downloaded: well-known weak passwords plus the variations people make
of them to pass a length rule (years, digit runs, a trailing "!", doubled words, keyboard
walks). Everything is lower-case; the service compares case-insensitively.
Run: python3 tools/generate_common_passwords.py
"""
import itertools
import pathlib

TOP = """123456 password 12345678 qwerty 123456789 12345 1234 111111 1234567 dragon 123123 baseball abc123
football monkey letmein 696969 shadow master 666666 qwertyuiop 123321 mustang 1234567890 michael 654321
superman 1qaz2wsx 7777777 121212 000000 qazwsx 123qwe killer trustno1 jordan jennifer zxcvbnm asdfgh hunter
buster soccer harley batman andrew tigger sunshine iloveyou 2000 charlie robert thomas hockey ranger daniel
starwars klaster 112233 george computer michelle jessica pepper 1111 zxcvbn 555555 11111111 131313 freedom
777777 pass maggie 159753 aaaaaa ginger princess joshua cheese amanda summer love ashley 6969 nicole chelsea
biteme matthew access yankees 987654321 dallas austin thunder taylor matrix william corvette hello martin
heather secret fucker merlin diamond 1234qwer gfhjkm hammer silver 222222 88888888 anthony justin test
bailey q1w2e3r4t5 patrick internet scooter orange 11111 golfer cookie richard samantha bigdog guitar
jackson whatever mickey chicken sparky snoopy maverick phoenix camaro sexy peanut morgan welcome falcon
cowboy ferrari samsung andrea smokey steelers joseph mercedes dakota arsenal eagles melissa boomer booboo
spider nascar monster tigers yellow xxxxxx 123123123 gateway marina diablo bulldog qwer1234 compaq purple
hardcore banana junior hannah 123654 porsche lakers iceman money cowboys 987654 london tennis 999999 ncc1701
coffee scooby 0000 miller boston q1w2e3r4 fuckoff brandon yamaha chester mother forever johnny edward 333333
oliver redsox player nikita knight fender barney midnight please brandy chicago badboy iwantu slayer rangers
charles angel flower bigdaddy rabbit wizard bigdick jasper enter rachel chris steven winner adidas victoria
natasha 1q2w3e4r jasmine winter prince panties marine ghbdtn fishing cocacola casper james 232323 raiders
888888 marlboro gandalf asdfasdf crystal 87654321 12344321 golden blowme bigtits 8675309 panther lauren
angela bitch spanky thx1138 angels madison winston shannon mike toyota blowjob jordan23 canada sophie apples
dick tiger razz 123abc pokemon qazxsw 55555 qwaszx muffin johnson murphy cooper jonathan liverpoo david
danielle 159357 jackie 1990 123456a 789456 turtle horny abcd1234 scorpion qazwsxedc 101010 butter carlos
password1 dennis slipknot qwerty123 booger asdf 1991 black startrek 12341234 cameron newyork rainbow nathan
john 1992 rocket viking redskins butthead asdfghjkl 1212 sierra peaches gemini doctor wilson sandra helpme
qwertyui victor florida dolphin pookie captain tucker blue liverpool theman bandit dolphins maddog packers
jaguar lovers nicholas united tiffany maxwell zzzzzz nirvana jeremy suckit stupid porn monica elephant
giants jackass hotdog rosebud success debbie mountain 444444 xxxxxxxx warrior 1q2w3e4r5t q1w2e3 123456q
albert metallic lucky azerty 7777 shithead alex bond007 alexis 1111111 samson 5150 willie scorpio bonnie
gators benjamin voodoo driver dexter 2112 jason calvin freddy 212121 creative 12345a sydney rush2112 1989
asdfghjk red123 bubba 4815162342 passw0rd trouble gunner happy fucking gordon legend jessie stella qwert
eminem arthur apple nissan bullshit bear america 1qazxsw2 nothing parker 4444 rebecca qweqwe garfield
01012011 beavis 69696969 jack asdasd december 2222 102030 252525 11223344 magic apollo skippy 315475 girls
kitten golf copper braves shelby godzilla beaver fred tomcat august buddy airborne 1993 1988 lifehack qqqqqq
brooklyn animal platinum phantom online xavier darkness blink182 power fish green 789456123 voyager police
travis 12qwaszx heaven snowball lover abcdef 00000 pakistan 007007 walter playboy blazer cricket sniper
hooters donkey willow loveme saturn therock redwings bigboy pumpkin trinity williams tits nintendo digital
destiny topgun runner marvin guinness chance bubbles testing fire november minecraft asdf1234 lasvegas
sergey broncos cartman private celtic birdie little cassie babygirl donald beatles 1313 dickhead family
12121212 school louise gabriel eclipse fluffy 147258369 lol123 explorer beer nelson flyers spencer scott
lovely gibson doggie cherry andrey snickers buffalo pantera metallica member carter qwertyu peter
alexande steve bronco paradise goober 5555 samuel montana mexico dreams michigan cock carolina yankee
friends magnum surfer poopoo maximus genius cool vampire lacrosse asd123 aaaa christin kimberly speedy
sharon carmen 111222 kristina sammy racing ou812 sabrina horses 0987654321 qwerty1 pimpin baby stalker
enigma 147147 star poohbear boobies 147258 simple bollocks 12345q marcus brian 1987 qweasdzxc drowssap
hahaha caroline barbara dave viper drummer action einstein bitches genesis hello1 scotty friend forest
010203 hotrod google vanessa spitfire badger maryjane friday alaska 1232323q tester jester jake champion
floyd anthony1 qwe123 admin administrator root toor changeme default guest login welcome1 letmein1
master123 passpass iloveyou1 princess1 sunshine1 football1 baseball1 superman1 monkey123 dragon123
shadow123 trustno1 zaq12wsx 1qaz2wsx3edc qwertyuiop123 asdfghjkl123 zxcvbnm123 mypassword mysecret
secret123 password123 password1234 password12345 pass1234 pa55word p4ssw0rd p@ssw0rd p@ssword
""".split()

WORDS = sorted(set(TOP) | set("""
password passw0rd p@ssw0rd p@ssword pa55w0rd qwerty iloveyou letmein welcome sunshine princess dragon monkey
football baseball basketball soccer hockey superman batman spiderman starwars pokemon minecraft fortnite
shadow master freedom whatever trustno1 michael jennifer jessica ashley charlie daniel jordan thomas robert
hunter buster tigger summer winter spring autumn flower cookie chocolate butterfly rainbow diamond silver
golden purple orange yellow banana cheese pepper ginger maggie bailey buddy lucky angel angels heaven
computer internet google facebook instagram twitter youtube samsung iphone android windows linux admin
administrator changeme default secret mysecret mypassword qazwsx zxcvbnm asdfghjkl qwertyuiop abcdef
abc love lovely loveyou mylove babygirl princesa teamo hello hellokitty forever family friends london
paris berlin madrid newyork chicago boston dallas texas california florida america canada germany
england france italia espana mexico brazil australia liverpool chelsea arsenal barcelona realmadrid
juventus manchester united lakers yankees cowboys steelers packers eagles giants raiders patriots
kitty budget money dollar euro bitcoin crypto blockchain success winner champion killer ninja samurai
warrior wizard merlin gandalf matrix phoenix falcon eagle tiger lion panther wolf dolphin turtle rabbit
horse spider scorpion viper cobra python java oracle mysql database server network security
""".split()))

SUFFIXES = ["", "1", "12", "123", "1234", "12345", "123456", "1234567", "12345678", "123456789",
            "!", "1!", "123!", "@123", "#1", "01", "69", "007", "2020", "2021", "2022", "2023", "2024",
            "2025", "2026", "1990", "1995", "2000", "2010", "!!", "?", "00", "11", "99"]

KEYBOARD = """qwertyuiop asdfghjkl zxcvbnm 1qaz2wsx3edc 1qaz2wsx3edc4rfv zaq12wsx xsw21qaz qazwsxedc
qazwsxedcrfv 1q2w3e4r5t6y 1q2w3e4r5t6y7u8i 1q2w3e4r5t6y7u8i9o0p q1w2e3r4t5y6 q1w2e3r4t5y6u7i8
qwertyuiopasdfghjkl asdfghjklzxcvbnm qwerasdfzxcv 1234qwerasdfzxcv !qaz@wsx#edc !qaz2wsx#edc4rfv
poiuytrewq lkjhgfdsa mnbvcxz 0987654321 qweasdzxc qweasdzxc123 zxcvbnmasdfghjkl 1qazxsw23edc
qwerty123456 qwertyqwerty asdasdasdasd qweqweqweqwe zxczxczxczxc 123qweasdzxc 1qa2ws3ed4rf
azertyuiop qwertzuiop ytrewq321 1234567890qwertyuiop qwertyuiop1234567890""".split()


def digit_runs():
    runs = set()
    for length in range(4, 21):
        runs.add("".join(str((i + 1) % 10) for i in range(length)))          # 1234567890123...
        runs.add("".join(str((9 - i) % 10) for i in range(length)))          # 9876543210987...
        for digit in "0123456789":
            runs.add(digit * length)
    for pattern in ["12", "123", "1234", "12345", "123456", "69", "007", "2580", "147258369", "159753", "112233"]:
        for times in range(2, 6):
            runs.add(pattern * times)
    for letter in "abcdefghijklmnopqrstuvwxyz":
        for length in (6, 8, 10, 12, 14, 16, 20):
            runs.add(letter * length)
    runs.add("abcdefghijklmnopqrstuvwxyz")
    runs.add("abcdefghijkl")
    runs.add("abcdefghijklmnop")
    runs.add("abc123abc123")
    runs.add("abcd1234abcd1234")
    return runs


def dates():
    out = set()
    for year in range(1960, 2027):
        for month in range(1, 13):
            out.add(f"{month:02d}{year}")
            out.add(f"{year}{month:02d}")
        out.add(f"0101{year}")
        out.add(f"01.01.{year}")
    return out


def main():
    passwords = set(TOP)
    for word, suffix in itertools.product(WORDS, SUFFIXES):
        passwords.add(word + suffix)
    for word in WORDS:
        passwords.add(word + word)
        passwords.add(word + word + "1")
        passwords.add("my" + word)
        passwords.add("my" + word + "123")
        passwords.add("i" + "love" + word)
        passwords.add("ilove" + word + "123")
        passwords.add(word + "password")
        passwords.add("password" + word)
    for first, second in itertools.combinations(["password", "qwerty", "letmein", "welcome", "iloveyou", "admin", "monkey",
                                                 "dragon", "sunshine", "princess", "football", "baseball", "master", "secret"], 2):
        passwords.add(first + second)
        passwords.add(second + first)
    passwords.update(KEYBOARD)
    passwords.update(k + s for k in KEYBOARD for s in ("", "1", "123", "!"))
    passwords.update(digit_runs())
    passwords.update(dates())
    passwords.update(["correcthorsebatterystaple", "correct horse battery staple", "thequickbrownfox",
                      "thequickbrownfoxjumpsoverthelazydog", "letmeinletmein", "changemechangeme", "passwordpassword",
                      "administrator1", "administrator123", "superadministrator", "welcometokitty", "kittypassword",
                      "kittybudget2024", "kittybudget2025"])
    lines = sorted(p.lower() for p in passwords if p.strip())
    target = pathlib.Path(__file__).resolve().parent.parent / "src/main/resources/passwords/common-passwords.txt"
    target.parent.mkdir(parents=True, exist_ok=True)
    header = ("# Common passwords, generated by tools/generate_common_passwords.py (not downloaded).\n"
              "# One per line, lower-case; compared case-insensitively. Lines starting with # are ignored.\n")
    target.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} passwords, {sum(1 for p in lines if len(p) >= 12)} of them 12+ characters -> {target}")


if __name__ == "__main__":
    main()
