/**
 * Every word the front-ends show, Vietnamese first, English second, in one table. Errors and
 * refusals come from the server's own table (/i18n/messages.json), never copied here. Numbers and
 * percentages are written the Vietnamese way (53,33%) in Vietnamese.
 */
const TABLE = {
  'app.name': ['Phòng họp không giấy', 'Paperless meeting room'],
  'lang.switch': ['English', 'Tiếng Việt'],
  'lang.switch.label': ['Chuyển sang tiếng Anh', 'Switch to Vietnamese'],
  'common.signOut': ['Đăng xuất', 'Sign out'],
  'common.cancel': ['Huỷ', 'Cancel'],
  'common.close': ['Đóng', 'Close'],
  'common.save': ['Lưu', 'Save'],
  'common.add': ['Thêm', 'Add'],
  'common.remove': ['Xoá', 'Remove'],
  'common.confirm': ['Xác nhận', 'Confirm'],
  'common.loading': ['Đang tải…', 'Loading…'],
  'common.none': ['Không có', 'None'],
  'common.minutes': ['{n} phút', '{n} min'],
  'common.error': ['Có lỗi: {message}', 'Error: {message}'],
  'common.offline': ['Không kết nối được máy chủ. Vui lòng thử lại.', 'The server cannot be reached. Please try again.'],

  'signin.title': ['Đăng nhập', 'Sign in'],
  'signin.pairTitle': ['Nhập mã ghép nối', 'Enter the pairing code'],
  'signin.pairHelp': ['Mã do thư ký hội nghị cấp cho máy này, dạng ABCD-EFGH, dùng một lần trong 15 phút.', 'The code the minute-taker gave this device, like ABCD-EFGH, single-use for 15 minutes.'],
  'signin.code': ['Mã ghép nối', 'Pairing code'],
  'signin.pair': ['Ghép nối', 'Pair'],
  'signin.or': ['hoặc đăng nhập bằng tài khoản', 'or sign in with an account'],
  'signin.username': ['Tên đăng nhập', 'Username'],
  'signin.password': ['Mật khẩu', 'Password'],
  'signin.submit': ['Đăng nhập', 'Sign in'],
  'signin.chooseMeeting': ['Chọn cuộc họp', 'Choose a meeting'],
  'signin.noMeeting': ['Tài khoản này chưa được mời dự cuộc họp nào.', 'This account is not invited to any meeting.'],
  'signin.open': ['Vào phòng họp', 'Enter'],

  'conn.online': ['Đã kết nối', 'Connected'],
  'conn.connecting': ['Đang kết nối…', 'Connecting…'],
  'conn.reconnecting': ['Đang kết nối lại…', 'Reconnecting…'],
  'conn.offline': ['Mất kết nối — đang thử lại', 'Offline — retrying'],
  'conn.noQuorum': ['Máy chủ mất liên lạc với cụm — lệnh đang chờ', 'Server cut off from its cluster — commands waiting'],
  'conn.denied': ['Phiên đăng nhập không còn hiệu lực', 'The session is no longer valid'],
  'conn.pending': ['{n} thao tác đang chờ gửi', '{n} actions waiting to be sent'],

  'phase.DRAFT': ['Đang chuẩn bị', 'Draft'],
  'phase.PUBLISHED': ['Đã công bố', 'Published'],
  'phase.IN_PROGRESS': ['Đang họp', 'In progress'],
  'phase.CLOSED': ['Đã bế mạc', 'Closed'],
  'phase.ARCHIVED': ['Đã lưu trữ', 'Archived'],

  'agenda.title': ['Chương trình', 'Agenda'],
  'agenda.current': ['Đang thảo luận', 'Now'],
  'agenda.planned': ['Dự kiến {n} phút', 'Planned {n} min'],
  'agenda.spent': ['đã dùng {time}', 'spent {time}'],
  'agenda.empty': ['Chưa có chương trình.', 'No agenda yet.'],
  'agenda.none': ['Chưa bắt đầu nội dung nào', 'No item started yet'],
  'status.PENDING': ['Chưa thảo luận', 'Pending'],
  'status.CURRENT': ['Đang thảo luận', 'Current'],
  'status.DONE': ['Đã xong', 'Done'],
  'status.SKIPPED': ['Bỏ qua', 'Skipped'],
  'agenda.documents': ['{n} tài liệu', '{n} documents'],

  'doc.open': ['Mở tài liệu', 'Open document'],
  'doc.pages': ['{n} trang', '{n} pages'],
  'doc.download': ['Tải về', 'Download'],
  'doc.noDownload': ['Tài liệu mật: chỉ xem trong phiên họp, không tải về', 'Classified: view only during the meeting, no download'],
  'doc.prev': ['Trang trước', 'Previous page'],
  'doc.next': ['Trang sau', 'Next page'],
  'doc.page': ['Trang', 'Page'],
  'doc.of': ['/ {n}', 'of {n}'],
  'doc.zoomIn': ['Phóng to', 'Zoom in'],
  'doc.zoomOut': ['Thu nhỏ', 'Zoom out'],
  'doc.fit': ['Vừa chiều rộng', 'Fit width'],
  'doc.failed': ['Không mở được tài liệu.', 'The document could not be opened.'],
  'doc.choose': ['Chọn một tài liệu trong chương trình để đọc.', 'Choose a document in the agenda to read it.'],
  'doc.follow': ['Theo người trình bày', 'Follow the presenter'],
  'doc.followHelp': ['Tự mở tài liệu và trang đang trình chiếu', 'Opens the document and the page on the screen by itself'],
  'doc.presenting': ['Đang trình chiếu: {title}, trang {n}/{m}', 'On the screen: {title}, page {n} of {m}'],
  'doc.freeReading': ['Đồng chí đang đọc tự do; màn hình đang ở trang {n}/{m}. Bật "Theo người trình bày" để về trang đó.', 'You are reading freely; the screen is on page {n} of {m}. Turn on "Follow the presenter" to go there.'],

  'present.do': ['Trình chiếu', 'Present'],
  'present.doLabel': ['Trình chiếu tài liệu {title}', 'Present the document {title}'],
  'present.stop': ['Dừng trình chiếu', 'Stop presenting'],
  'present.title': ['Đang trình chiếu', 'Presenting'],
  'present.onScreen': ['Đang chiếu trang {n}', 'On screen, page {n}'],
  'present.page': ['Trang {n}/{m}', 'Page {n} of {m}'],
  'present.help': ['Màn hình phòng họp và các máy tính bảng đang theo dõi sẽ lật theo trang này.', 'The room display and the tablets that follow turn to this page.'],
  'class.UNCLASSIFIED': ['Thường', 'Unclassified'],
  'class.MAT': ['Mật', 'Confidential'],
  'class.TOI_MAT': ['Tối mật', 'Secret'],
  'class.TUYET_MAT': ['Tuyệt mật', 'Top secret'],

  'notes.title': ['Ghi chú riêng', 'Private notes'],
  'notes.forItem': ['Ghi chú cho nội dung {n}', 'Notes on item {n}'],
  'notes.forDoc': ['Ghi chú cho tài liệu', 'Notes on the document'],
  'notes.help': ['Chỉ đồng chí đọc được. Ghi chú được lưu trên máy chủ, không lưu trên máy tính bảng.', 'Only you can read them. They are kept on the server, not on the tablet.'],
  'notes.loading': ['Đang tải ghi chú…', 'Loading the notes…'],
  'notes.loadFailed': ['Không tải được ghi chú: {message}', 'The notes could not be loaded: {message}'],
  'notes.saving': ['Đang lưu…', 'Saving…'],
  'notes.saved': ['Đã lưu', 'Saved'],
  'notes.savedAt': ['Đã lưu lúc {time}', 'Saved at {time}'],
  'notes.unsaved': ['Chưa lưu', 'Not saved yet'],
  'notes.failed': ['Chưa lưu được: {message}', 'Not saved: {message}'],
  'notes.retry': ['Thử lại', 'Try again'],
  'notes.noItem': ['Chọn một nội dung trong chương trình để ghi chú.', 'Choose an agenda item to take notes on it.'],

  'checkin.title': ['Điểm danh', 'Check in'],
  'checkin.do': ['Điểm danh có mặt', 'Check in as present'],
  'checkin.done': ['Đã điểm danh', 'Checked in'],
  'checkin.notStarted': ['Cuộc họp chưa khai mạc; đồng chí có thể đọc tài liệu trước.', 'The meeting has not started; you can read the documents meanwhile.'],

  'floor.title': ['Phát biểu', 'Speaking'],
  'floor.ask': ['Xin phát biểu', 'Ask for the floor'],
  'floor.pointOfOrder': ['Kiến nghị thủ tục', 'Point of order'],
  'floor.withdraw': ['Rút đăng ký', 'Withdraw'],
  'floor.place': ['Đồng chí đứng thứ {n} trong danh sách', 'You are number {n} in the queue'],
  'floor.speaking': ['Đồng chí đang phát biểu', 'You have the floor'],
  'floor.nobody': ['Chưa có ai phát biểu', 'Nobody is speaking'],
  'floor.current': ['Đang phát biểu', 'Speaking now'],
  'floor.next': ['Tiếp theo', 'Next'],
  'floor.queueEmpty': ['Chưa có đăng ký phát biểu', 'No one has asked for the floor'],
  'floor.noItem': ['Chưa có nội dung đang thảo luận', 'No item under discussion'],
  'floor.por': ['thủ tục', 'order'],

  'timer.remaining': ['Còn lại', 'Remaining'],
  'timer.over': ['Quá giờ', 'Over time'],
  'timer.paused': ['Tạm dừng', 'Paused'],
  'timer.unlimited': ['Không giới hạn', 'No limit'],

  'att.title': ['Điểm danh', 'Attendance'],
  'att.present': ['Có mặt', 'Present'],
  'att.absent': ['Vắng', 'Absent'],
  'att.left': ['Đã ra về', 'Left'],
  'att.unknown': ['Chưa điểm danh', 'Not checked in'],
  'att.late': ['đến muộn', 'late'],
  'att.official': ['Đảng viên chính thức', 'Official members'],
  'att.probationary': ['Đảng viên dự bị', 'Probationary members'],
  'att.presentOf': ['{present}/{expected} có mặt ({pct})', '{present}/{expected} present ({pct})'],
  'att.base': ['Số đảng viên tính biểu quyết', 'Majority base'],
  'att.voters': ['Có mặt được biểu quyết', 'Voters present'],
  'att.quorumMet': ['Đủ số lượng', 'Quorum met'],
  'att.quorumNotMet': ['Chưa đủ số lượng', 'Quorum not met'],
  'att.absentReason': ['Vắng có lý do', 'Absent with reason'],
  'att.absentNoReason': ['Vắng không lý do', 'Absent without reason'],
  'att.exemptAbsent': ['Miễn sinh hoạt, vắng', 'Exempt, absent'],
  'att.guests': ['Khách mời có mặt', 'Guests present'],
  'att.checkIn': ['Có mặt', 'Present'],
  'att.checkOut': ['Ra về', 'Leaves'],
  'att.markAbsent': ['Vắng', 'Absent'],
  'att.reason': ['Lý do vắng', 'Reason'],
  'att.high': ['Tỷ lệ dự họp trên 85%', 'Attendance above 85%'],
  'membership.OFFICIAL': ['Chính thức', 'Official'],
  'membership.PROBATIONARY': ['Dự bị', 'Probationary'],
  'standing.ACTIVE': ['Sinh hoạt', 'Active'],
  'standing.EXEMPT': ['Miễn sinh hoạt', 'Exempt'],
  'standing.ATTACHED_ELSEWHERE': ['Sinh hoạt tạm thời nơi khác', 'Attached elsewhere'],
  'standing.SUSPENDED': ['Đình chỉ sinh hoạt', 'Suspended'],

  'poll.kind.ORDINARY_RESOLUTION': ['Nghị quyết', 'Resolution'],
  'poll.kind.CONCLUSION': ['Kết luận', 'Conclusion'],
  'poll.kind.ADMISSION': ['Kết nạp đảng viên', 'Admission'],
  'poll.kind.PROBATION_CONFIRMATION': ['Công nhận đảng viên chính thức', 'Probation confirmation'],
  'poll.kind.DISCIPLINE': ['Thi hành kỷ luật', 'Discipline'],
  'poll.kind.EXPULSION': ['Khai trừ ra khỏi Đảng', 'Expulsion'],
  'poll.kind.ELECTION': ['Bầu cử', 'Election'],
  'poll.kind.PROCEDURAL': ['Bầu đoàn chủ tịch, thư ký', 'Presidium, secretariat'],
  'poll.mode.SHOW_OF_HANDS': ['Biểu quyết giơ tay', 'Show of hands'],
  'poll.mode.PARTY_CARD': ['Giơ thẻ đảng viên', 'Party card'],
  'poll.mode.SECRET': ['Bỏ phiếu kín', 'Secret ballot'],
  'poll.mode.default': ['Theo quy định của loại quyết định', 'The decision kind’s default'],
  'poll.status.DRAFT': ['Chưa mở', 'Not open'],
  'poll.status.OPEN': ['Đang biểu quyết', 'Voting'],
  'poll.status.CLOSED': ['Đã kết thúc', 'Closed'],
  'poll.answer.FOR': ['Tán thành', 'For'],
  'poll.answer.AGAINST': ['Không tán thành', 'Against'],
  'poll.answer.ABSTAIN': ['Không biểu quyết', 'Abstain'],
  'poll.form.REPRIMAND': ['Khiển trách', 'Reprimand'],
  'poll.form.WARNING': ['Cảnh cáo', 'Warning'],
  'poll.form.REMOVAL_FROM_POST': ['Cách chức', 'Removal from post'],
  'poll.form.EXPULSION': ['Khai trừ', 'Expulsion'],
  'poll.form.NONE': ['Không kỷ luật', 'No discipline'],
  'poll.voted': ['{n}/{m} đã biểu quyết', '{n}/{m} have voted'],
  'poll.passed': ['Thông qua', 'Passed'],
  'poll.failed': ['Không thông qua', 'Not passed'],
  'poll.elected': ['Trúng cử', 'Elected'],
  'poll.notElected': ['Không trúng cử', 'Not elected'],
  'poll.decided': ['Hình thức được quyết định: {form}', 'Decided: {form}'],
  'poll.noneDecided': ['Không thi hành kỷ luật', 'No discipline decided'],
  'poll.tie': ['Số phiếu bằng nhau ở ghế cuối: cần bầu lại', 'Tie for the last seat: another round is needed'],
  'poll.ofBase': ['{pct} so với {base} đảng viên tính biểu quyết', '{pct} of a base of {base}'],
  'poll.ofOfficial': ['{pct} so với {base} đảng viên chính thức', '{pct} of {base} official members'],
  'poll.ballots': ['Số phiếu: {n}', 'Ballots: {n}'],
  'poll.result': ['Kết quả biểu quyết', 'Result'],
  'poll.secretNote': ['Bỏ phiếu kín: không ai biết đồng chí chọn gì.', 'Secret ballot: nobody learns what you chose.'],
  'poll.seats': ['Bầu {n} người', '{n} seats'],
  'poll.chooseUpTo': ['Chọn tối đa {n} người (có thể không chọn ai)', 'Approve up to {n} (or none)'],
  'poll.votes': ['{n} phiếu', '{n} votes'],

  'ballot.title': ['Phiếu biểu quyết', 'Ballot'],
  'ballot.send': ['Gửi phiếu', 'Cast the ballot'],
  'ballot.confirmTitle': ['Xác nhận phiếu', 'Confirm your ballot'],
  'ballot.confirmText': ['Đồng chí chọn: {choice}. Gửi phiếu?', 'Your choice: {choice}. Cast it?'],
  'ballot.confirmSecret': ['Gửi phiếu kín? Sau khi gửi không thể thay đổi.', 'Cast the secret ballot? It cannot be changed afterwards.'],
  'ballot.back': ['Chọn lại', 'Go back'],
  'ballot.sending': ['Đang gửi phiếu…', 'Sending…'],
  'ballot.recorded': ['Phiếu của đồng chí đã được ghi nhận', 'Your ballot has been recorded'],
  'ballot.yourChoice': ['Lựa chọn: {choice}', 'Your choice: {choice}'],
  'ballot.change': ['Thay đổi lựa chọn', 'Change my vote'],
  'ballot.waitingNet': ['Phiếu đang chờ gửi, sẽ tự gửi khi có kết nối.', 'The ballot is waiting and will be sent when connected.'],
  'ballot.mustCheckIn': ['Đồng chí cần điểm danh trước khi biểu quyết.', 'Check in before voting.'],
  'ballot.noneApproved': ['không chọn ai', 'nobody'],
  'ballot.hide': ['Thu nhỏ', 'Minimise'],
  'ballot.show': ['Mở phiếu biểu quyết', 'Open the ballot'],
  'ballot.nothingChosen': ['Hãy chọn một phương án.', 'Choose an option.'],

  'tablet.title': ['Máy tính bảng đại biểu', 'Delegate tablet'],
  'tablet.item': ['Nội dung {n}', 'Item {n}'],
  'tablet.probationary': ['Đảng viên dự bị: dự họp, phát biểu, không biểu quyết', 'Probationary member: attends and speaks, does not vote'],

  'console.title': ['Bàn điều hành', 'Console'],
  'console.tab.prepare': ['Chuẩn bị', 'Prepare'],
  'console.tab.run': ['Điều hành', 'Run'],
  'console.tab.polls': ['Biểu quyết', 'Polls'],
  'console.tab.devices': ['Thiết bị', 'Devices'],
  'console.roster': ['Danh sách đảng viên', 'Roster'],
  'console.exportCsv': ['Xuất CSV', 'Export CSV'],
  'console.importCsv': ['Nhập CSV', 'Import CSV'],
  'console.imported': ['Đã nhập danh sách.', 'Roster imported.'],
  'console.csvLine': ['Dòng {line}: {message}', 'Line {line}: {message}'],
  'console.addMember': ['Thêm đảng viên', 'Add a member'],
  'console.memberId': ['Mã', 'Id'],
  'console.name': ['Họ và tên', 'Full name'],
  'console.membership': ['Loại', 'Membership'],
  'console.standing': ['Tình trạng', 'Standing'],
  'console.agenda': ['Chương trình', 'Agenda'],
  'console.applyTemplate': ['Thêm chương trình mẫu sinh hoạt thường kỳ', 'Add the regular meeting template'],
  'console.addItem': ['Thêm nội dung', 'Add an item'],
  'console.itemTitle': ['Tên nội dung', 'Item title'],
  'console.plannedMinutes': ['Số phút dự kiến', 'Planned minutes'],
  'console.parent': ['Thuộc nội dung', 'Under item'],
  'console.topLevel': ['(cấp trên cùng)', '(top level)'],
  'console.documents': ['Tài liệu', 'Documents'],
  'console.upload': ['Tải lên tài liệu', 'Upload a document'],
  'console.docItem': ['Nội dung', 'Item'],
  'console.docTitle': ['Tên tài liệu', 'Title'],
  'console.classification': ['Độ mật', 'Classification'],
  'console.file': ['Tệp PDF', 'PDF file'],
  'console.uploaded': ['Đã tải lên: {title}', 'Uploaded: {title}'],
  'console.publish': ['Công bố cuộc họp', 'Publish the meeting'],
  'console.start': ['Khai mạc cuộc họp', 'Open the meeting'],
  'console.closeMeeting': ['Bế mạc cuộc họp', 'Close the meeting'],
  'console.closeConfirm': ['Bế mạc cuộc họp? Tài liệu mật sẽ bị thu hồi.', 'Close the meeting? Classified documents will be revoked.'],
  'console.warnings': ['Lưu ý', 'Warnings'],
  'console.startItem': ['Bắt đầu', 'Start'],
  'console.prevItem': ['◀ Nội dung trước', '◀ Previous item'],
  'console.nextItem': ['Nội dung tiếp ▶', 'Next item ▶'],
  'console.skipItem': ['Bỏ qua', 'Skip'],
  'console.queue': ['Đăng ký phát biểu', 'Speaker queue'],
  'console.grant': ['Mời phát biểu', 'Give the floor'],
  'console.skip': ['Bỏ lượt', 'Skip'],
  'console.up': ['Lên', 'Up'],
  'console.down': ['Xuống', 'Down'],
  'console.timerStart': ['Bấm giờ', 'Start timer'],
  'console.timerStop': ['Dừng giờ', 'Stop timer'],
  'console.extend': ['+1 phút', '+1 min'],
  'console.finish': ['Kết thúc phát biểu', 'End the speech'],
  'console.addSpeaker': ['Đăng ký hộ', 'Queue on behalf'],
  'console.remark': ['Tóm tắt ý kiến phát biểu', 'Summary of the remark'],
  'console.recordRemark': ['Ghi biên bản', 'Record'],
  'console.speaker': ['Người phát biểu', 'Speaker'],
  'console.conclusion': ['Kết luận nội dung', 'Conclusion of the item'],
  'console.recordConclusion': ['Ghi kết luận', 'Record the conclusion'],
  'console.remarks': ['Biên bản ý kiến', 'Recorded remarks'],
  'console.recorded': ['Đã ghi.', 'Recorded.'],
  'console.newPoll': ['Tạo biểu quyết', 'New poll'],
  'console.question': ['Nội dung biểu quyết', 'Question'],
  'console.kind': ['Loại quyết định', 'Decision kind'],
  'console.mode': ['Hình thức', 'Ballot mode'],
  'console.candidates': ['Ứng cử viên', 'Candidates'],
  'console.seats': ['Số người được bầu', 'Seats'],
  'console.forms': ['Hình thức kỷ luật', 'Forms of discipline'],
  'console.changeAllowed': ['Cho phép thay đổi phiếu (biểu quyết công khai)', 'Votes may change (open ballots)'],
  'console.createPoll': ['Tạo', 'Create'],
  'console.openPoll': ['Mở biểu quyết', 'Open'],
  'console.closePoll': ['Kết thúc biểu quyết', 'Close'],
  'console.showResult': ['Công bố kết quả', 'Show the result'],
  'console.shown': ['Đã công bố', 'Shown'],
  'console.threshold': ['Ngưỡng: {t}', 'Threshold: {t}'],
  'console.pairing': ['Mã ghép nối thiết bị', 'Pairing codes'],
  'console.pairSeat': ['Cấp mã cho máy tính bảng của', 'Code for the tablet of'],
  'console.pairDisplay': ['Cấp mã cho màn hình phòng họp', 'Code for the room display'],
  'console.codeFor': ['Mã cho {who}, hết hạn lúc {time}', 'Code for {who}, expires at {time}'],
  'console.display': ['Màn hình phòng họp', 'Room display'],
  'console.connected': ['Thiết bị đang kết nối', 'Connected devices'],
  'console.refresh': ['Cập nhật', 'Refresh'],
  'console.noDevices': ['Chưa có thiết bị nào kết nối.', 'No device is connected.'],
  'console.since': ['từ {time}', 'since {time}'],
  'console.chooseMeeting': ['Chọn cuộc họp để điều hành', 'Choose the meeting to run'],
  'console.notConsole': ['Tài khoản này không điều hành cuộc họp này.', 'This account does not run this meeting.'],
  'console.voters': ['Đã biểu quyết: {names}', 'Have voted: {names}'],
  'console.tally': ['Kiểm phiếu', 'Tally'],

  'warning.CELL_UNDER_THREE_OFFICIAL_MEMBERS': ['Chi bộ có dưới 3 đảng viên chính thức', 'The cell has fewer than 3 official members'],
  'warning.NOT_PUBLISHED_A_DAY_AHEAD': ['Tài liệu chưa được công bố trước ít nhất một ngày', 'Not published at least a day ahead'],
  'warning.QUORUM_NOT_MET': ['Chưa đủ số lượng đảng viên có mặt', 'Quorum not met'],
  'warning.ATTENDANCE_BELOW_QUALITY': ['Tỷ lệ dự họp chưa đạt 85%', 'Attendance below 85%'],
  'warning.SHORTER_THAN_REQUIRED': ['Thời gian sinh hoạt ngắn hơn quy định', 'Shorter than required'],
  'console.device.CONSOLE': ['Bàn điều hành', 'Console'],
  'console.device.DELEGATE': ['Máy tính bảng', 'Tablet'],
  'console.device.DISPLAY': ['Màn hình phòng họp', 'Room display'],
  'console.pollCreated': ['Đã tạo biểu quyết; bấm "Mở biểu quyết" khi sẵn sàng.', 'Poll created; press "Open" when ready.'],
  'display.title': ['Màn hình phòng họp', 'Room display'],
  'display.pairHelp': ['Nhập mã ghép nối màn hình do thư ký hội nghị cấp.', 'Enter the display pairing code from the minute-taker.'],
  'display.waiting': ['Cuộc họp sắp bắt đầu', 'The meeting will begin shortly'],
  'display.voting': ['Đang biểu quyết', 'Voting in progress'],
  'display.presenting': ['Đang trình chiếu', 'On the screen'],

  'archive.title': ['Lưu trữ biên bản', 'Minutes archive'],
  'archive.help': ['Các biên bản đã ký mà tài khoản của đồng chí được xem.', 'The signed minutes your account may see.'],
  'archive.empty': ['Chưa có biên bản nào được lưu trữ.', 'No minutes have been archived yet.'],
  'archive.noMatch': ['Không có biên bản nào khớp với điều kiện tìm kiếm.', 'No minutes match the search.'],
  'archive.open': ['Mở biên bản', 'Open the minutes'],
  'archive.version': ['Phiên bản {n}', 'Version {n}'],
  'archive.corrects': ['đính chính phiên bản {n}', 'corrects version {n}'],
  'archive.signedInAs': ['Đăng nhập: {name}', 'Signed in: {name}'],
  'archive.tree': ['Tổ chức đảng', 'Party bodies'],
  'archive.treeHelp': ['Chọn một tổ chức để xem biên bản của tổ chức đó và các tổ chức trực thuộc.', 'Choose a body to see its minutes and those of the bodies under it.'],
  'archive.allBodies': ['Tất cả tổ chức được xem', 'All bodies within reach'],
  'archive.noBodies': ['Tài khoản này chưa được giao xem biên bản của tổ chức đảng nào. Đề nghị liên hệ quản trị hệ thống.', 'This account has not been given any body’s minutes to read. Please ask the administrator.'],
  'archive.search': ['Tìm trong nội dung biên bản', 'Search the text of the minutes'],
  'archive.searchHint': ['ví dụ: đảng phí hoặc dang phi', 'e.g. đảng phí or dang phi'],
  'archive.kind': ['Loại cuộc họp', 'Meeting kind'],
  'archive.anyKind': ['Tất cả các loại', 'Any kind'],
  'archive.from': ['Từ ngày', 'From'],
  'archive.to': ['Đến ngày', 'To'],
  'archive.find': ['Tìm kiếm', 'Search'],
  'archive.clear': ['Xoá bộ lọc', 'Clear filters'],
  'archive.badRange': ['"Từ ngày" phải trước hoặc bằng "Đến ngày".', '"From" must not be after "To".'],
  'archive.count': ['{n} biên bản', '{n} minutes'],
  'archive.within': ['thuộc {org} và các tổ chức trực thuộc', 'of {org} and the bodies under it'],
  'archive.matching': ['có chứa "{q}"', 'containing "{q}"'],
  'archive.shown': ['Hiển thị {from}–{to} trên {total}', 'Showing {from}–{to} of {total}'],
  'archive.prev': ['◀ Trang trước', '◀ Previous'],
  'archive.next': ['Trang sau ▶', 'Next ▶'],
  'archive.col.number': ['Số', 'No.'],
  'archive.col.date': ['Ngày họp', 'Date'],
  'archive.col.body': ['Tổ chức đảng', 'Body'],
  'archive.col.title': ['Trích yếu', 'Title'],
  'archive.col.version': ['Phiên bản', 'Version'],
  'archive.back': ['◀ Danh sách biên bản', '◀ Back to the list'],
  'archive.number': ['Số {n}', 'No. {n}'],
  'archive.viewerTitle': ['Biên bản số {n}', 'Minutes no. {n}'],
  'archive.term': ['Nhiệm kỳ {t}', 'Term {t}'],
  'archive.filed': ['Lưu trữ lúc {time}', 'Filed at {time}'],
  'archive.downloads': ['Tải về', 'Downloads'],
  'archive.downloadPdf': ['Biên bản đã ký (PDF)', 'Signed minutes (PDF)'],
  'archive.downloadCsv': ['Kết quả biểu quyết (CSV)', 'Vote results (CSV)'],
  'archive.downloadJson': ['Kết quả biểu quyết (JSON)', 'Vote results (JSON)'],
  'archive.verify': ['Xác thực chữ ký số', 'Signature verification'],
  'archive.verifying': ['Đang kiểm tra chữ ký số…', 'Checking the signature…'],
  'archive.verify.VALID': ['Chữ ký số hợp lệ', 'Signature valid'],
  'archive.verify.VALIDText': ['Tệp PDF đúng là bản đã lưu trữ và chữ ký bao trùm toàn bộ tệp.', 'The PDF is the one filed, and the signature covers the whole file.'],
  'archive.verify.TAMPERED': ['Không hợp lệ: tệp đã bị thay đổi', 'Not valid: the file has been altered'],
  'archive.verify.TAMPEREDFile': ['Tệp đang lưu khác với bản đã được ký và lưu trữ.', 'The stored file differs from the one signed and filed.'],
  'archive.verify.TAMPEREDSignature': ['Chữ ký không khớp với nội dung tệp.', 'The signature does not match the file’s content.'],
  'archive.verify.UNSIGNED': ['Không hợp lệ: biên bản chưa được ký số', 'Not valid: the minutes are not digitally signed'],
  'archive.verify.UNSIGNEDText': ['Không tìm thấy chữ ký số trong tệp.', 'No digital signature was found in the file.'],
  'archive.verify.other': ['Không xác định được tình trạng chữ ký ({status})', 'Unknown signature status ({status})'],
  'archive.devKey': ['Ký bằng khóa phát triển', 'Signed with a development key'],
  'archive.devKeyText': ['Khóa này do máy chủ tự tạo khi cài đặt, chỉ để dùng thử; chữ ký không có giá trị cho văn bản thật. Quản trị hệ thống cần cấu hình khóa của tổ chức (SIGNING_KEYSTORE).', 'The server made this key itself at installation, for trying the system out; the signature has no value for real documents. The administrator must configure the organisation’s key (SIGNING_KEYSTORE).'],
  'archive.signer': ['Người ký', 'Signer'],
  'archive.sha256': ['Mã băm SHA-256', 'SHA-256'],
  'archive.verifyFailed': ['Không kiểm tra được chữ ký: {message}', 'The signature could not be checked: {message}'],
  'archive.votes': ['Kết quả biểu quyết', 'Vote results'],
  'archive.noVotes': ['Cuộc họp không có biểu quyết nào.', 'The meeting took no votes.'],
  'archive.votesFailed': ['Không tải được kết quả biểu quyết: {message}', 'The vote results could not be loaded: {message}'],
  'archive.item': ['Nội dung {n}', 'Item {n}'],
  'archive.base': ['Số đảng viên tính biểu quyết: {n}', 'Majority base: {n}'],
  'archive.ballots': ['Số phiếu: {n}', 'Ballots: {n}'],
  'archive.history': ['Các phiên bản và đính chính', 'Versions and corrections'],
  'archive.original': ['Bản gốc', 'Original'],
  'archive.filedByServer': ['lưu tự động khi bế mạc', 'filed automatically at the close'],
  'archive.correction': ['Đính chính: {reason}', 'Correction: {reason}'],
  'archive.current': ['đang xem', 'shown'],
  'archive.latest': ['mới nhất', 'latest'],
  'archive.notLatest': ['Đây không phải phiên bản mới nhất của biên bản này.', 'This is not the newest version of these minutes.'],
  'archive.openLatest': ['Xem phiên bản mới nhất', 'Open the newest version'],
  'archive.forbidden': ['Tài khoản của đồng chí không được xem biên bản này (biên bản thuộc tổ chức đảng ngoài phạm vi được giao).', 'Your account may not read these minutes (they belong to a body outside your reach).'],
  'archive.forbiddenList': ['Tài khoản của đồng chí không được xem biên bản của tổ chức này.', 'Your account may not read the minutes of this body.'],
  'archive.notFound': ['Không tìm thấy biên bản này trong lưu trữ.', 'These minutes are not in the archive.'],
  'archive.badQuery': ['Điều kiện tìm kiếm không hợp lệ.', 'The search is not valid.'],
  'archive.failed': ['Không tải được: {message}', 'Could not load: {message}'],
  'archive.retry': ['Thử lại', 'Try again'],
  'meetingKind.REGULAR_CELL_MEETING': ['Sinh hoạt chi bộ thường kỳ', 'Regular cell meeting'],
  'meetingKind.THEMATIC_MEETING': ['Sinh hoạt chuyên đề', 'Thematic meeting'],
  'meetingKind.COMMITTEE_CONFERENCE': ['Hội nghị Ban Chấp hành', 'Executive committee conference'],
  'meetingKind.CONGRESS': ['Đại hội', 'Congress'],
  'body.CELL': ['Chi bộ', 'Cell'],
  'body.COMMITTEE': ['Đảng bộ', 'Committee'],
  'body.EXECUTIVE_COMMITTEE': ['Ban Chấp hành', 'Executive committee'],
  'body.CONGRESS': ['Đại hội', 'Congress'],

  'start.title': ['Phòng họp không giấy', 'Paperless meeting room'],
  'start.lead': ['Họp chi bộ, đảng ủy không dùng giấy: chương trình, tài liệu, phát biểu và biểu quyết trên mạng nội bộ.', 'Party meetings without paper: agenda, documents, speakers and votes on the local network.'],
  'start.tablet': ['Máy tính bảng đại biểu', 'Delegate tablet'],
  'start.tabletHelp': ['Nhập mã ghép nối do thư ký cấp, hoặc đăng nhập bằng tài khoản đảng viên.', 'Enter the pairing code from the minute-taker, or sign in with your member account.'],
  'start.console': ['Bàn điều hành', 'Console'],
  'start.consoleHelp': ['Chủ trì và thư ký hội nghị đăng nhập bằng tài khoản.', 'The chair and the minute-taker sign in with their accounts.'],
  'start.display': ['Màn hình phòng họp', 'Room display'],
  'start.displayHelp': ['Nhập mã ghép nối màn hình do thư ký cấp.', 'Enter the display pairing code from the minute-taker.'],
  'start.archive': ['Lưu trữ biên bản', 'Minutes archive'],
  'start.archiveHelp': ['Cấp ủy đăng nhập để xem biên bản đã lưu trữ.', 'Committees sign in to read archived minutes.'],
  'start.lan': ['Mọi thành phần được tải từ máy chủ này; hệ thống chạy được trên mạng nội bộ tách biệt.', 'Everything loads from this server; the system runs on an isolated network.'],
};

const LANGS = ['vi', 'en'];
const STORE = 'phonghop.lang';
let current = LANGS.includes(localStorage.getItem(STORE)) ? localStorage.getItem(STORE) : 'vi';
let server = { errors: {}, reasons: {} };

export function lang() {
  return current;
}

/** The text for a key in the current language, with {name} placeholders filled in. */
export function t(key, params = {}) {
  const row = TABLE[key];
  let text = row ? row[LANGS.indexOf(current)] : key;
  for (const [k, v] of Object.entries(params)) text = text.split(`{${k}}`).join(String(v));
  return text;
}

export function has(key) {
  return key in TABLE;
}

export function setLang(next) {
  if (!LANGS.includes(next) || next === current) return;
  current = next;
  localStorage.setItem(STORE, next);
  document.documentElement.lang = next;
  applyI18n(document);
  window.dispatchEvent(new CustomEvent('langchange', { detail: { lang: next } }));
}

export function toggleLang() {
  setLang(current === 'vi' ? 'en' : 'vi');
}

/** Fills every [data-i18n] (text), [data-i18n-placeholder] and [data-i18n-label] (aria-label) under root. */
export function applyI18n(root) {
  document.documentElement.lang = current;
  root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  root.querySelectorAll('[data-i18n-label]').forEach((el) => { el.setAttribute('aria-label', t(el.dataset.i18nLabel)); });
}

/** Loads the server's table of error and refusal messages. */
export async function loadServerMessages() {
  try {
    const res = await fetch('/i18n/messages.json', { cache: 'no-store' });
    if (res.ok) server = await res.json();
  } catch (e) {
    // without it, errors fall back to the message the server sent with them
  }
}

/**
 * The words for a failure: a refusal's reason or an error's code from the server's table, else
 * the message that came with it.
 */
export function failureText(failure) {
  const reason = failure?.reason;
  const code = failure?.code;
  const pick = (entry) => (entry ? entry[current] || entry.vi : null);
  const msg = failure?.serverMessage || failure?.message;
  return pick(reason && server.reasons?.[reason])
    || (code !== 'REJECTED' ? pick(code && server.errors?.[code]) : null)
    || (msg && typeof msg === 'object' ? pick(msg) : null)
    || (failure?.status === 0 || code === 'OFFLINE' ? t('common.offline') : null)
    || code || t('common.offline');
}

// ---- numbers ---------------------------------------------------------------------------------

/** A share in hundredths of a percent, rounded half up in integers (the minutes' Percent.of). */
export function hundredthsOf(part, whole) {
  if (!whole || whole <= 0) return 0;
  return Math.floor((part * 20000 + whole) / (2 * whole));
}

/** "53,33%" in Vietnamese, "53.33%" in English. */
export function percent(hundredths) {
  const sep = current === 'vi' ? ',' : '.';
  return `${Math.floor(hundredths / 100)}${sep}${String(hundredths % 100).padStart(2, '0')}%`;
}

/** Seconds as m:ss (or h:mm:ss). */
export function clock(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${r}` : `${m}:${r}`;
}

export function time(iso, zone) {
  if (!iso) return '';
  return new Date(iso).toLocaleTimeString(current === 'vi' ? 'vi-VN' : 'en-GB', { hour: '2-digit', minute: '2-digit', timeZone: zone || undefined });
}

export function dateTime(iso, zone) {
  if (!iso) return '';
  return new Date(iso).toLocaleString(current === 'vi' ? 'vi-VN' : 'en-GB', {
    day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: zone || undefined,
  });
}
